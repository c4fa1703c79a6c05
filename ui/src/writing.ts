// The writing desk in the window: the core's spelling, grammar and house-style problems as
// CodeMirror diagnostics in the body (a click on a suggestion applies it; "Add to desk
// dictionary" teaches the whole library a word), as a list under the headline and the dek,
// and as a count in the status bar. The core re-checks only the paragraphs that changed, so
// the whole field is sent each time.
import { forceLinting, linter, type Action, type Diagnostic } from "@codemirror/lint";
import type { EditorView } from "@codemirror/view";
import { checkApi, reason, type CheckedField, type FieldReport, type TextProblem } from "./api";
import { $, h } from "./dom";

/** How long typing must pause before the body is checked: a check is a few milliseconds in
 *  the core, but every keystroke's IPC would be wasted on text about to change. */
export const CHECK_DELAY_MS = 350;

const SEVERITY = { spelling: "error", grammar: "warning", style: "info", house: "info" } as const;

/** What a suggestion says on its button: the replacement, or "delete" for an empty one. */
export function suggestionLabel(suggestion: string): string {
  return suggestion === "" ? "Delete" : suggestion;
}

/** `text` with `problem`'s span replaced by `suggestion` (positions in UTF-16 units, as
 *  JavaScript strings count). */
export function applySuggestion(text: string, problem: TextProblem, suggestion: string): string {
  return text.slice(0, problem.from) + suggestion + text.slice(problem.to);
}

/** The problems still open across the fields checked. */
export function openProblems(reports: Iterable<FieldReport | undefined>): number {
  let n = 0;
  for (const r of reports) n += r?.problems.length ?? 0;
  return n;
}

/** The status bar's words for the count (and what the check could not do). */
export function problemSummary(reports: (FieldReport | undefined)[]): string {
  const n = openProblems(reports);
  const notes = reports.map((r) => r?.note).filter((x): x is string => Boolean(x));
  const count = n === 0 ? "No writing problems" : n === 1 ? "1 writing problem" : `${n} writing problems`;
  return notes.length ? `${count} · ${notes[0]}` : count;
}

export interface DiagnosticHooks {
  /** "Add to desk dictionary" was chosen for `word`. */
  addWord(word: string): Promise<void>;
}

/** A field report as CodeMirror diagnostics: one per problem, clamped to the document (the
 *  text may have moved on since the check), each suggestion an action, and for spelling,
 *  "Add to desk dictionary". */
export function diagnosticsOf(report: FieldReport, docLength: number, hooks: DiagnosticHooks): Diagnostic[] {
  return report.problems
    .filter((p) => p.to <= docLength && p.from < p.to)
    .map((p) => {
      const actions: Action[] = p.suggestions.slice(0, 4).map((s) => ({
        name: suggestionLabel(s),
        apply: (view: EditorView, from: number, to: number) => {
          view.dispatch({ changes: { from, to, insert: s }, selection: { anchor: from + s.length } });
        },
      }));
      if (p.kind === "spelling") {
        actions.push({
          name: "Add to desk dictionary",
          // The desk re-checks every field once the word is in (`WritingDesk.addWord`).
          apply: () => { void hooks.addWord(p.text); },
        });
      }
      return {
        from: p.from,
        to: p.to,
        severity: SEVERITY[p.kind],
        source: p.kind,
        message: p.message,
        actions,
      };
    });
}

export interface WritingHooks {
  /** The open story's id, or null. */
  articleId(): string | null;
  /** The headline and dek inputs' text changed by a suggestion: save it like typing. */
  edited(): void;
}

/** The checks of the open story's fields, the body's linter and the headline and dek lists. */
export class WritingDesk {
  private reports: Partial<Record<CheckedField, FieldReport>> = {};
  private timers: Partial<Record<CheckedField, ReturnType<typeof setTimeout>>> = {};
  private bodyView: EditorView | null = null;
  /** The body must be checked again though its text did not change (a word was learnt). */
  private recheckWanted = false;

  constructor(private hooks: WritingHooks) {}

  /** The body editor's extension: its problems as diagnostics. */
  bodyLinter() {
    return linter(async (view) => {
      this.bodyView = view;
      const id = this.hooks.articleId();
      if (!id) return [];
      const text = view.state.doc.toString();
      try {
        const report = await checkApi.field(id, "body", text);
        // The linter drops results for a document that changed meanwhile.
        this.reports.body = report;
        this.showCount();
        return diagnosticsOf(report, view.state.doc.length, { addWord: (w) => this.addWord(w) });
      } catch (e) {
        this.showState(`Not checked: ${reason(e)}`);
        return [];
      }
    }, {
      delay: CHECK_DELAY_MS,
      // The linter runs again only when the text changes, and `forceLinting` only hurries a
      // run already due: a learnt word asks through this (see `recheckBody`).
      needsRefresh: () => {
        const wanted = this.recheckWanted;
        this.recheckWanted = false;
        return wanted;
      },
    });
  }

  /** A story was opened: headline and dek are checked now, the body by its linter. */
  opened() {
    this.reports = {};
    this.showCount();
    this.fieldTyped("headline", 0);
    this.fieldTyped("dek", 0);
  }

  /** The headline or dek changed: check it once typing pauses. */
  fieldTyped(field: "headline" | "dek", delay = CHECK_DELAY_MS) {
    clearTimeout(this.timers[field]);
    this.timers[field] = setTimeout(() => void this.checkInput(field), delay);
  }

  async addWord(word: string) {
    try {
      await checkApi.addDeskWord(word);
      this.showState(`"${word}" added to the desk dictionary`);
      this.fieldTyped("headline", 0);
      this.fieldTyped("dek", 0);
      this.recheckBody();
    } catch (e) {
      this.showState(`Not added: ${reason(e)}`);
    }
  }

  /** Checks the body again now, its text unchanged. */
  private recheckBody() {
    const view = this.bodyView;
    if (!view) return;
    this.recheckWanted = true;
    view.dispatch({});
    forceLinting(view);
  }

  private input(field: "headline" | "dek"): HTMLInputElement | HTMLTextAreaElement {
    return $<HTMLInputElement | HTMLTextAreaElement>(`#f-${field}`);
  }

  private async checkInput(field: "headline" | "dek") {
    const id = this.hooks.articleId();
    const list = $(`#${field}-problems`);
    if (!id) return list.replaceChildren();
    const text = this.input(field).value;
    try {
      const report = await checkApi.field(id, field, text);
      // Typing went on meanwhile: the next check shows it.
      if (this.input(field).value !== text || this.hooks.articleId() !== id) return;
      this.reports[field] = report;
      list.replaceChildren(...report.problems.map((p) => this.problemItem(field, text, p)));
      this.showCount();
    } catch (e) {
      this.showState(`Not checked: ${reason(e)}`);
    }
  }

  private problemItem(field: "headline" | "dek", text: string, p: TextProblem): HTMLElement {
    const apply = (s: string) => () => {
      const input = this.input(field);
      if (input.value !== text) return;
      input.value = applySuggestion(text, p, s);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      this.hooks.edited();
      this.fieldTyped(field, 0);
    };
    return h("li", { class: `problem ${p.kind}` },
      h("span", { class: "flagged" }, p.text), " ", p.message, " ",
      ...p.suggestions.slice(0, 3).map((s) => h("button", { class: "link", onclick: apply(s) }, suggestionLabel(s))),
      p.kind === "spelling"
        ? h("button", { class: "link", onclick: () => void this.addWord(p.text) }, "Add to desk dictionary")
        : null);
  }

  private showCount() {
    this.showState(problemSummary([this.reports.headline, this.reports.dek, this.reports.body]));
  }

  private showState(text: string) {
    const el = $("#check-state");
    el.textContent = text;
    el.dataset.count = String(openProblems(Object.values(this.reports)));
  }
}
