// The History tab: every revision, a word-level diff against the one before, and restore.
import { api, reason, type Article, type Revision } from "./api";
import { $, h, clock, notice } from "./dom";

const KIND_LABEL: Record<string, string> = {
  create: "Created", save: "Saved", autosave: "Autosaved", status: "Status changed",
  restore: "Restored", conflict: "Refused edit (kept)", import: "Imported",
};

export class History {
  private revisions: Revision[] = [];

  constructor(private current: () => Article | null, private restored: (a: Article) => void,
              private beforeRestore: () => Promise<void>) {}

  async refresh() {
    const article = this.current();
    if (!article) return;
    try {
      this.revisions = await api.revisions(article.id);
    } catch (e) {
      notice(`History unavailable: ${reason(e)}`, true);
      return;
    }
    $("#revisions").replaceChildren(...[...this.revisions].reverse().map((r) =>
      h("li", { class: `revision kind-${r.kind}`, "data-number": String(r.number) },
        h("button", { class: "link", onclick: () => void this.show(r) },
          `#${r.number} ${KIND_LABEL[r.kind] ?? r.kind}`),
        h("span", { class: "muted" }, ` ${clock(r.saved_at)} ${new Date(r.saved_at).toLocaleDateString()}`,
          r.version ? ` · v${r.version}` : ""),
      )));
    $("#revision-view").replaceChildren();
  }

  private async show(revision: Revision) {
    const article = this.current();
    if (!article) return;
    const previous = [...this.revisions].reverse().find((r) => r.number < revision.number);
    const view = $("#revision-view");
    view.replaceChildren(h("p", { class: "muted" }, "Comparing…"));
    try {
      const diffs = previous ? await api.diff(article.id, previous.number, revision.number) : [];
      view.replaceChildren(
        h("h3", {}, `Revision ${revision.number}`, previous ? ` against ${previous.number}` : ""),
        diffs.length === 0
          ? h("p", { class: "muted" }, previous ? "No text changed." : "The first revision.")
          : h("div", { class: "diff" }, ...diffs.map((d) =>
              h("section", {}, h("h4", {}, d.field),
                h("p", {}, ...d.ops.map((op) =>
                  op.op === "equal" ? op.text : h(op.op === "insert" ? "ins" : "del", {}, op.text)))))),
      );
      if (revision.version !== article.version) {
        view.append(h("button", { class: "primary", onclick: () => void this.restore(revision) },
          `Restore revision ${revision.number}`));
      } else {
        view.append(h("p", { class: "muted" }, "This is the current version."));
      }
    } catch (e) {
      view.replaceChildren(h("p", { class: "error" }, reason(e)));
    }
  }

  private async restore(revision: Revision) {
    await this.beforeRestore();
    const article = this.current();
    if (!article) return;
    try {
      const restored = await api.restoreRevision(article.id, revision.number, article.version);
      this.restored(restored);
      notice(`Revision ${revision.number} restored as version ${restored.version}`);
      await this.refresh();
    } catch (e) {
      notice(`Not restored: ${reason(e)}`, true);
    }
  }
}
