// Field conflicts from the desk: a single-valued field (headline, dek, status, embargo, lead
// photo...) that two people set at once is never silently picked. The editor sees every value
// with who wrote it, picks one or writes another; export and sending wait until then (the
// core's preflight blocks them).
import { deskApi, reason, type Article, type FieldConflict } from "./api";
import { h } from "./dom";

/** Fields whose value is plain text, so the editor may write another value. */
const TEXT_FIELDS = new Set(["headline", "dek", "slugline", "kicker", "section", "editors_note", "body"]);

const LABELS: Record<string, string> = {
  headline: "Headline", dek: "Dek", slugline: "Slugline", kicker: "Kicker", section: "Section",
  status: "Status", embargo: "Embargo", lead_photo: "Lead photo", editors_note: "Editor's note",
};

/** A conflicting value as the editor reads it. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (typeof value === "string") return value;
  if (typeof value === "object" && "photo_id" in value && "crop" in value) {
    const { photo_id, crop } = value as { photo_id: string; crop: string };
    return `photo ${photo_id.slice(0, 8)} (${crop})`;
  }
  return JSON.stringify(value);
}

export function fieldLabel(field: string): string {
  return LABELS[field] ?? field.replace(/_/g, " ");
}

export interface FieldConflictHooks {
  /** The story open now. */
  article(): Article | null;
  /** Saves what is typed first, so the answer is made on the latest version. */
  flush(): Promise<void>;
  /** The library took the answer: the editor shows the new version. */
  resolved(article: Article): void;
}

export class FieldConflicts {
  conflicts: FieldConflict[] = [];

  constructor(private readonly banner: HTMLElement, private readonly hooks: FieldConflictHooks) {}

  async refresh() {
    const article = this.hooks.article();
    if (!article) return this.render([]);
    try {
      const conflicts = await deskApi.conflicts(article.id);
      if (this.hooks.article()?.id === article.id) this.render(conflicts);
    } catch (e) {
      this.banner.replaceChildren(h("p", { class: "error" }, `Field conflicts could not be read: ${reason(e)}`));
      this.banner.hidden = false;
    }
  }

  render(conflicts: FieldConflict[]) {
    this.conflicts = conflicts;
    this.banner.hidden = conflicts.length === 0;
    this.banner.replaceChildren(...(conflicts.length
      ? [h("strong", {}, conflicts.length === 1
          ? "A field was changed in two places at once."
          : `${conflicts.length} fields were changed in two places at once.`),
         h("p", { class: "muted" }, "Pick a value or write another. Export and sending wait until every field has one."),
         ...conflicts.map((c) => this.conflict(c))]
      : []));
  }

  private conflict(c: FieldConflict) {
    const own = TEXT_FIELDS.has(c.field)
      ? h("form", { class: "own", onsubmit: (e: Event) => {
            e.preventDefault();
            const input = (e.target as HTMLFormElement).querySelector("input")!;
            void this.resolve(c.field, input.value);
          } },
          h("input", { "aria-label": `Another ${fieldLabel(c.field).toLowerCase()}`, placeholder: "Or write another…" }),
          h("button", { type: "submit" }, "Use mine"))
      : null;
    return h("div", { class: "field-conflict", "data-field": c.field },
      h("h4", {}, fieldLabel(c.field)),
      h("ul", {}, ...c.candidates.map((cand) =>
        h("li", { class: "candidate" },
          h("span", { class: "value" }, valueText(cand.value)),
          h("span", { class: "by muted" }, ` by ${cand.by || "someone"} `),
          h("button", { class: "use", onclick: () => void this.resolve(c.field, cand.value) }, "Use this")))),
      own);
  }

  async resolve(field: string, value: unknown) {
    await this.hooks.flush();
    const article = this.hooks.article();
    if (!article) return;
    try {
      const saved = await deskApi.resolve(article.id, article.version, field, value);
      this.hooks.resolved(saved);
      await this.refresh();
    } catch (e) {
      this.banner.append(h("p", { class: "error" }, `Not resolved: ${reason(e)}`));
    }
  }
}
