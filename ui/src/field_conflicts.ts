// Field conflicts from the desk: a single-valued field (headline, dek, status, embargo, lead
// photo...; a photo's credit, focal point, a crop) that two people set at once is never
// silently picked. The editor sees every value with who wrote it (name and device), picks one
// or writes another; export and sending wait until then (the core's preflight blocks them).
// One panel for both: a story's (`FieldConflicts`) and a photo's (`PhotoConflicts` in photos.ts).
import { deskApi, reason, type Article, type ConflictCandidate } from "./api";
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

/** Who gave a value: their name, and which of their laptops (as "who is here" names it). */
export function byText(c: ConflictCandidate): string {
  const name = c.by || "someone";
  return c.device ? `${name} (device ${c.device.slice(0, 8)})` : name;
}

/** One conflicted field of a story or a photo. */
export interface Conflict {
  field: string;
  candidates: ConflictCandidate[];
}

/** What a conflict panel shows and answers: the conflicts of a story, or of a photo. */
export interface ConflictSubject {
  /** The story or photo open now (its id); null for none. */
  openId(): string | null;
  conflicts(id: string): Promise<Conflict[]>;
  /** Saves `value` as the answer on `field` of what is open. */
  resolve(field: string, value: unknown): Promise<void>;
  label(field: string): string;
  valueText(field: string, value: unknown): string;
  /** Whether the editor may write a value of their own (plain text). */
  writable(field: string): boolean;
  /** What the panel says under its heading: what waits until the answers. */
  waiting: string;
}

export class ConflictPanel {
  conflicts: Conflict[] = [];

  constructor(private readonly banner: HTMLElement, private readonly subject: ConflictSubject) {}

  async refresh() {
    const id = this.subject.openId();
    if (!id) return this.render([]);
    try {
      const conflicts = await this.subject.conflicts(id);
      if (this.subject.openId() === id) this.render(conflicts);
    } catch (e) {
      this.banner.replaceChildren(h("p", { class: "error" }, `Field conflicts could not be read: ${reason(e)}`));
      this.banner.hidden = false;
    }
  }

  render(conflicts: Conflict[]) {
    this.conflicts = conflicts;
    this.banner.hidden = conflicts.length === 0;
    this.banner.replaceChildren(...(conflicts.length
      ? [h("strong", {}, conflicts.length === 1
          ? "A field was changed in two places at once."
          : `${conflicts.length} fields were changed in two places at once.`),
         h("p", { class: "muted" }, `Pick a value or write another. ${this.subject.waiting}`),
         ...conflicts.map((c) => this.conflict(c))]
      : []));
  }

  private conflict(c: Conflict) {
    const label = this.subject.label(c.field);
    const own = this.subject.writable(c.field)
      ? h("form", { class: "own", onsubmit: (e: Event) => {
            e.preventDefault();
            const input = (e.target as HTMLFormElement).querySelector("input")!;
            void this.resolve(c.field, input.value);
          } },
          h("input", { "aria-label": `Another ${label.toLowerCase()}`, placeholder: "Or write another…" }),
          h("button", { type: "submit" }, "Use mine"))
      : null;
    return h("div", { class: "field-conflict", "data-field": c.field },
      h("h4", {}, label),
      h("ul", {}, ...c.candidates.map((cand) =>
        h("li", { class: "candidate" },
          h("span", { class: "value" }, this.subject.valueText(c.field, cand.value)),
          h("span", { class: "by muted" }, ` by ${byText(cand)} `),
          h("button", { class: "use", onclick: () => void this.resolve(c.field, cand.value) }, "Use this")))),
      own);
  }

  async resolve(field: string, value: unknown) {
    try {
      await this.subject.resolve(field, value);
      await this.refresh();
    } catch (e) {
      this.banner.append(h("p", { class: "error" }, `Not resolved: ${reason(e)}`));
    }
  }
}

export interface FieldConflictHooks {
  /** The story open now. */
  article(): Article | null;
  /** Saves what is typed first, so the answer is made on the latest version. */
  flush(): Promise<void>;
  /** The library took the answer: the editor shows the new version. */
  resolved(article: Article): void;
}

/** The open story's conflicts, above the editor. */
export class FieldConflicts extends ConflictPanel {
  constructor(banner: HTMLElement, hooks: FieldConflictHooks) {
    super(banner, {
      openId: () => hooks.article()?.id ?? null,
      conflicts: (id) => deskApi.conflicts(id),
      resolve: async (field, value) => {
        await hooks.flush();
        const article = hooks.article();
        if (!article) return;
        hooks.resolved(await deskApi.resolve(article.id, article.version, field, value));
      },
      label: fieldLabel,
      valueText: (_, value) => valueText(value),
      writable: (field) => TEXT_FIELDS.has(field),
      waiting: "Export and sending wait until every field has one.",
    });
  }
}
