// The Publish tab: preflight as a checklist (each problem leads to its field), export to a
// zip or folder with a progress bar, destinations and the outbox with retry.
import { listen } from "@tauri-apps/api/event";
import { open, save } from "@tauri-apps/plugin-dialog";
import { publishApi, reason, type Article, type Delivery, type ExportProgress, type Problem } from "./api";
import { $, h, ago, notice } from "./dom";

const RETRYABLE = new Set(["failed", "retrying"]);

export class Publish {
  constructor(
    private current: () => Article | null,
    private beforeExport: () => Promise<void>,
    private focusField: (field: string) => void,
  ) {
    $("#export-zip").addEventListener("click", () => void this.chooseAndExport(true));
    $("#export-folder").addEventListener("click", () => void this.chooseAndExport(false));
    $("#dest-add").addEventListener("click", () => void this.addFolderDestination());
    void listen<ExportProgress>("export-progress", (e) => {
      // Events can arrive after the export has answered: the last one must not cover the result.
      const { done, total, step } = e.payload;
      const bar = $<HTMLProgressElement>("#export-progress");
      bar.hidden = done >= total;
      bar.max = total;
      bar.value = done;
      if (done < total) $("#export-state").textContent = `Exporting: ${step}`;
    });
    void listen("outbox-changed", () => void this.refreshOutbox());
    void listen<{ message: string }>("outbox-error", (e) => notice(`Outbox: ${e.payload.message}`, true));
    void this.refreshOutbox();
  }

  async refresh() {
    await Promise.all([this.refreshPreflight(), this.refreshDestinations(), this.refreshOutbox()]);
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

  private async refreshDestinations() {
    const article = this.current();
    try {
      const list = await publishApi.destinations();
      $("#destinations").replaceChildren(list.length
        ? h("ul", { class: "destinations" }, ...list.map((d) => h("li", {},
            // The push secret is write-only: the core tells only whether one is set.
            h("span", {}, d.name, h("small", { class: "muted" },
              ` ${d.kind === "folder" ? d.path : d.kind === "wordpress" || d.kind === "ghost" ? d.site_url : `${d.resource_url}${d.secret_set ? " · signed" : ""}`}`)),
            h("button", { disabled: !article, onclick: () => void this.send(d.name) }, "Send"))))
        : h("p", { class: "muted" }, "No destinations yet."));
    } catch (e) {
      $("#destinations").replaceChildren(h("p", { class: "error" }, reason(e)));
    }
  }

  private async addFolderDestination() {
    const name = $<HTMLInputElement>("#dest-name").value.trim();
    if (!name) return notice("Give the destination a name first.", true);
    const path = await open({ directory: true, title: `Hot folder for ${name}` });
    if (!path) return;
    try {
      await publishApi.addDestination({ name, kind: "folder", path });
      $<HTMLInputElement>("#dest-name").value = "";
      await this.refreshDestinations();
    } catch (e) {
      notice(`Destination not added: ${reason(e)}`, true);
    }
  }

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
    await this.refreshOutbox();
  }

  async refreshOutbox() {
    let deliveries: Delivery[];
    try {
      deliveries = await publishApi.outbox();
    } catch {
      return;
    }
    const waiting = deliveries.filter((d) => ["pending", "sending", "retrying"].includes(d.state)).length;
    const failed = deliveries.filter((d) => d.state === "failed").length;
    $("#outbox-summary").textContent = [waiting ? `Outbox: ${waiting} pending` : "", failed ? `${failed} failed` : ""]
      .filter(Boolean).join(" · ");
    $("#outbox-summary").classList.toggle("error", failed > 0);
    $("#outbox").replaceChildren(...(deliveries.length ? deliveries.slice(0, 30).map((d) =>
      h("li", { class: `delivery state-${d.state}` },
        h("span", { class: "state" }, d.state),
        ` ${d.destination} · v${d.article_version} · ${ago(d.updated_at)}`,
        d.last_error ? h("div", { class: "error" }, d.last_error) : null,
        RETRYABLE.has(d.state) ? h("button", { class: "link", onclick: () => void this.retry(d.id) }, "Retry now") : null,
      )) : [h("li", { class: "muted" }, "Nothing sent yet.")]));
  }

  private async retry(id: number) {
    try {
      await publishApi.retry(id);
    } catch (e) {
      notice(`Not retried: ${reason(e)}`, true);
    }
    await this.refreshOutbox();
  }
}
