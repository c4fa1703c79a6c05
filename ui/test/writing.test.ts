// The writing desk's window logic: problems as diagnostics (severity, suggestions, the desk
// dictionary), suggestions applied to headline and dek by UTF-16 position, the status count.
import { diagnosticCount } from "@codemirror/lint";
import { EditorView } from "@codemirror/view";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CheckedField, FieldReport, TextProblem } from "../src/api";
import { $ } from "../src/dom";
import {
  CHECK_DELAY_MS, WritingDesk, applySuggestion, diagnosticsOf, openProblems, problemSummary, suggestionLabel,
} from "../src/writing";
import { shell } from "./ipc";
import { loadPage } from "./page";

function problem(over: Partial<TextProblem> = {}): TextProblem {
  return {
    from: 4, to: 12, line: 1, column: 5, kind: "spelling", rule: "Spelling",
    message: "Did you mean to spell “recieved” this way?", text: "recieved",
    suggestions: ["received", "relieved"], ...over,
  };
}

function report(problems: TextProblem[], over: Partial<FieldReport> = {}): FieldReport {
  return { field: "body", problems, language: "en", grammar: true, note: undefined, ...over } as FieldReport;
}

describe("diagnostics", () => {
  const hooks = { addWord: () => Promise.resolve() };

  it("underline each problem with its kind's severity and its suggestions as actions", () => {
    const d = diagnosticsOf(report([
      problem(),
      problem({ from: 20, to: 28, kind: "grammar", suggestions: ["an"], text: "a" }),
      problem({ from: 30, to: 38, kind: "house", suggestions: [""], text: "per cent" }),
    ]), 100, hooks);
    expect(d.map((x) => [x.from, x.to, x.severity])).toEqual([[4, 12, "error"], [20, 28, "warning"], [30, 38, "info"]]);
    expect(d[0].actions?.map((a) => a.name)).toEqual(["received", "relieved", "Add to desk dictionary"]);
    // Only a spelling problem offers the desk dictionary; an empty suggestion deletes.
    expect(d[1].actions?.map((a) => a.name)).toEqual(["an"]);
    expect(d[2].actions?.map((a) => a.name)).toEqual(["Delete"]);
  });

  it("drop problems past the end of a document that shrank since the check", () => {
    expect(diagnosticsOf(report([problem({ from: 4, to: 12 })]), 10, hooks)).toEqual([]);
  });
});

describe("suggestions in headline and dek", () => {
  it("replace the flagged span, counted in UTF-16 units like the core reports", () => {
    // The emoji is two UTF-16 units: the core's `from` counts them.
    const text = "😀 Goverment falls";
    const p = problem({ from: 3, to: 12, text: "Goverment", suggestions: ["Government"] });
    expect(applySuggestion(text, p, "Government")).toBe("😀 Government falls");
    expect(suggestionLabel("")).toBe("Delete");
  });
});

describe("the status bar", () => {
  it("counts every open problem and says what was not checked", () => {
    const body = report([problem(), problem({ from: 20, to: 24 })]);
    const dek = report([problem()], { field: "dek" });
    expect(openProblems([body, dek, undefined])).toBe(3);
    expect(problemSummary([undefined, dek, body])).toBe("3 writing problems");
    expect(problemSummary([report([])])).toBe("No writing problems");
    expect(problemSummary([report([], { note: "French: spelling only, no grammar checker", grammar: false })]))
      .toBe("No writing problems · French: spelling only, no grammar checker");
  });
});

describe("the body's linter", () => {
  beforeEach(() => { loadPage(); vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it("checks the body again, unchanged, once a word is in the desk dictionary", async () => {
    const known = new Set<string>();
    const calls = shell({
      check_field: (args) => {
        const text = args.text as string;
        const from = text.indexOf("Blorptown");
        const problems = known.has("Blorptown") ? [] : [problem({ from, to: from + 9, text: "Blorptown", suggestions: [] })];
        return report(problems, { field: args.field as CheckedField });
      },
      add_desk_word: (args) => { known.add(args.word as string); return args.word; },
    });
    const desk = new WritingDesk({ articleId: () => "5f0c2a64", edited: () => undefined });
    const view = new EditorView({ doc: "Letters from Blorptown.", extensions: [desk.bodyLinter()], parent: document.body });
    await vi.advanceTimersByTimeAsync(CHECK_DELAY_MS * 2);
    expect(diagnosticCount(view.state)).toBe(1);
    expect($("#check-state").textContent).toBe("1 writing problem");

    await desk.addWord("Blorptown");
    await vi.advanceTimersByTimeAsync(CHECK_DELAY_MS * 2);
    expect(calls.filter((c) => c.cmd === "check_field" && c.args.field === "body")).toHaveLength(2);
    expect(diagnosticCount(view.state)).toBe(0);
    expect($("#check-state").textContent).toBe("No writing problems");
    view.destroy();
  });
});
