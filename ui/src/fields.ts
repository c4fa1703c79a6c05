// The metadata form: writes an article's fields into the inputs and reads them back. The
// body lives in CodeMirror (see editor.ts); everything else is a plain input.
import type { ArticleFields, Author, RelatedStory } from "./api";
import { $, h } from "./dom";

const text = (id: string) => $<HTMLInputElement | HTMLTextAreaElement>(`#${id}`);

const SIMPLE: [keyof ArticleFields, string][] = [
  ["kicker", "f-kicker"],
  ["slugline", "f-slugline"],
  ["headline", "f-headline"],
  ["dek", "f-dek"],
  ["section", "f-section"],
  ["editors_note", "f-editors-note"],
];

export function fill(fields: ArticleFields) {
  for (const [key, id] of SIMPLE) text(id).value = fields[key] as string;
  text("f-dateline-place").value = fields.dateline.place;
  text("f-dateline-date").value = fields.dateline.date;
  text("f-keywords").value = fields.keywords.join(", ");
  text("f-embargo").value = fields.embargo ? embargoToInput(fields.embargo) : "";
  renderRows("f-authors", fields.authors.map((a) => [a.name, a.role]), ["Name", "Role"]);
  renderRows("f-related", fields.related.map((r) => [r.title, r.url]), ["Title", "Link"]);
  updateCounters();
}

/** Reads the form over `base`, which carries what the form does not show (body, photo...). */
export function read(base: ArticleFields): ArticleFields {
  const f: ArticleFields = structuredClone(base);
  for (const [key, id] of SIMPLE) (f as unknown as Record<string, string>)[key] = text(id).value;
  f.dateline = { place: text("f-dateline-place").value, date: text("f-dateline-date").value };
  f.keywords = text("f-keywords").value.split(",").map((k) => k.trim()).filter(Boolean);
  f.embargo = embargoFromInput(text("f-embargo").value, base.embargo);
  f.authors = readRows("f-authors").map(([name, role]): Author => ({ name, role }));
  f.related = readRows("f-related").map(([title, url]): RelatedStory => ({ title, url }));
  return f;
}

export function addRow(containerId: string, placeholders: [string, string]) {
  $(`#${containerId}`).append(row(["", ""], placeholders));
  ($(`#${containerId}`).lastElementChild?.querySelector("input") as HTMLInputElement | null)?.focus();
}

function renderRows(containerId: string, rows: [string, string][], placeholders: [string, string]) {
  $(`#${containerId}`).replaceChildren(...rows.map((values) => row(values, placeholders)));
}

function row(values: [string, string], placeholders: [string, string]) {
  const line = h("div", { class: "row" },
    h("input", { value: values[0], placeholder: placeholders[0], "aria-label": placeholders[0] }),
    h("input", { value: values[1], placeholder: placeholders[1], "aria-label": placeholders[1] }),
  );
  line.append(h("button", {
    class: "icon", title: "Remove", "aria-label": "Remove",
    onclick: () => {
      const form = line.closest("aside");
      line.remove();
      form?.dispatchEvent(new Event("input", { bubbles: true }));
    },
  }, "×"));
  return line;
}

function readRows(containerId: string): [string, string][] {
  return [...$(`#${containerId}`).querySelectorAll(".row")].map((r) => {
    const [a, b] = r.querySelectorAll("input");
    return [a.value, b.value];
  });
}

/** Headline and dek limits are the ones CMSes enforce downstream; past them the count turns red. */
export function updateCounters() {
  for (const counter of document.querySelectorAll<HTMLElement>(".counter")) {
    // Code points, as the core counts its limits (not UTF-16 units, not graphemes).
    // eslint-disable-next-line @typescript-eslint/no-misused-spread
    const length = [...text(counter.dataset.for!).value].length;
    const limit = Number(counter.dataset.limit);
    counter.textContent = `${length}/${limit}`;
    counter.classList.toggle("over", length > limit);
  }
}

/** The embargo in the input's local `YYYY-MM-DDTHH:MM:SS` (the input has step=1). Seconds are
 * kept: cut to the minute, an embargo at 11:00:30 read back as 11:00 and lifted 30 s early. */
export function embargoToInput(iso: string): string {
  const d = new Date(iso);
  const local = new Date(d.getTime() - d.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 19);
}

/** The embargo as the core should hold it. The input shows whole seconds; when it still shows
 * the embargo the core holds, that exact value goes back (a fraction of a second is never
 * dropped, which would lift the story earlier than set). */
export function embargoFromInput(value: string, held: string | null): string | null {
  if (!value) return null;
  const typed = new Date(value).getTime();
  if (Number.isNaN(typed)) return held;
  if (held !== null && Math.floor(Date.parse(held) / 1000) * 1000 === typed) return held;
  return new Date(typed).toISOString();
}
