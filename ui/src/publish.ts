// The Publish tab: preflight as a checklist (each problem leads to its field), export to a
// zip or folder with a progress bar, sending to a destination (destinations.ts) and the outbox
// (outbox.ts).
import { listen } from "@tauri-apps/api/event";
import { open, save } from "@tauri-apps/plugin-dialog";
import { publishApi, reason, type Article, type ExportProgress, type Problem } from "./api";
import { Destinations } from "./destinations";
import { $, h, notice } from "./dom";
import { Outbox } from "./outbox";

export class Publish {
  readonly outbox = new Outbox();
  readonly destinations = new Destinations(() => (this.current() ? (name) => this.send(name) : null));

  constructor(
    private current: () => Article | null,
    private beforeExport: () => Promise<void>,
    private focusField: (field: string) => void,
  ) {
    $("#export-zip").addEventListener("click", () => void this.chooseAndExport(true));
    $("#export-folder").addEventListener("click", () => void this.chooseAndExport(false));
    void listen<ExportProgress>("export-progress", (e) => {
      // Events can arrive after the export has answered: the last one must not cover the result.
      const { done, total, step } = e.payload;
      const bar = $<HTMLProgressElement>("#export-progress");
      bar.hidden = done >= total;
      bar.max = total;
      bar.value = done;
      if (done < total) $("#export-state").textContent = `Exporting: ${step}`;
    });
    void this.outbox.refresh();
  }

  async refresh() {
    await Promise.all([this.refreshPreflight(), this.destinations.refresh(), this.outbox.refresh()]);
  }

  private async refreshPreflight() {
    const article = this.current();
    const panel = $("#preflight");
    if (!article) return panel.replaceChildren(h("p", { class: "muted" }, "Open a story to check it."));
    await this.beforeExport();
    try {
      const { problems, warnings } = await publishApi.preflight(article.id);
      panel.replaceChildren(
        h("h3", {}, problems.length ? `Before publishing (${problems.length})` : "Ready to publish ✓"),
        this.checklist(problems, "problem"),
        ...(warnings.length
          ? [h("h3", {}, `Worth a look (${warnings.length})`), this.checklist(warnings, "warning")]
          : []),
      );
      panel.dataset.problems = String(problems.length);
      for (const id of ["#export-zip", "#export-folder"]) {
        $<HTMLButtonElement>(id).disabled = problems.length > 0;
        $(id).title = problems.length ? "Fix the problems above first" : "";
      }
    } catch (e) {
      panel.replaceChildren(h("p", { class: "error" }, `Preflight failed: ${reason(e)}`));
    }
  }

  private checklist(items: Problem[], kind: string) {
    return h("ul", { class: `checklist ${kind}` }, ...items.map((p) =>
      h("li", { "data-field": p.field },
        h("button", { class: "link", onclick: () => this.focusField(p.field) }, p.message))));
  }

  private async chooseAndExport(zip: boolean) {
    const article = this.current();
    if (!article) return;
    const slug = (article.slugline || article.headline || "story").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    const out = zip
      ? await save({ defaultPath: `${slug || "story"}.zip`, filters: [{ name: "Zip", extensions: ["zip"] }] })
      : await open({ directory: true, title: "Export the package into a new folder here" }).then((dir) =>
          dir ? `${dir}/${slug || "story"}` : null);
    // The save dialog itself asks before a file is replaced: a zip chosen there is the
    // user's choice to replace it. Anything else already there is refused by the core.
    if (out) await this.exportTo(out, zip);
  }

  async exportTo(out: string, replace = false) {
    const article = this.current();
    if (!article) return;
    await this.beforeExport();
    const state = $("#export-state");
    state.textContent = "Exporting…";
    try {
      const done = await publishApi.export(article.id, out, replace);
      state.textContent = `Exported version ${done.article_version} to ${done.path} (${done.files} files)`;
      state.dataset.path = done.path;
    } catch (e) {
      state.textContent = `Not exported: ${reason(e)}`;
      await this.refreshPreflight();
    } finally {
      $("#export-progress").hidden = true;
    }
  }

  /** Queues the open story for `destination`; the outbox shows how it goes. */
  private async send(destination: string) {
    const article = this.current();
    if (!article) return;
    await this.beforeExport();
    try {
      await publishApi.deliver(article.id, destination);
      notice(`Queued for ${destination}`);
    } catch (e) {
      notice(`Not sent: ${reason(e)}`, true);
    }
    await this.outbox.refresh();
  }
}
