// Autosave: one save per pause in typing, a state that never claims more than the library has,
// the whole object sent, and no save loops after a refusal.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { ArticleFields } from "../src/api";
import { AUTOSAVE_DELAY_MS, Autosave, editableFields, type Refusal, type SaveState } from "../src/autosave";
import * as form from "../src/fields";
import { article, commands, later, savedFrom, shell } from "./ipc";
import { loadPage } from "./page";

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

/** An autosave whose editor shows `text()`; records every state it reports. */
function session(text: () => ArticleFields) {
  const states: [string, SaveState][] = [];
  const refused: Refusal[] = [];
  const conflicts: Refusal[] = [];
  const autosave = new Autosave({
    fields: text,
    state: (t, kind) => states.push([t, kind]),
    accepted: () => undefined,
    conflict: (r) => conflicts.push(r),
    failed: (r) => refused.push(r),
  });
  return { autosave, states, refused, conflicts, last: () => states.at(-1) };
}

describe("autosave", () => {
  test("edits closer together than the delay make one autosave, sent after the pause", async () => {
    const base = article();
    const calls = shell({ save_article: (args) => savedFrom(args, base) });
    let body = base.body;
    const { autosave, last } = session(() => ({ ...editableFields(base), body }));
    autosave.open(base);
    for (const word of [" Water", " rose", " fast."]) {
      body += word;
      autosave.touched();
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS / 2);
    }
    expect(commands(calls)).toEqual([]);
    expect(last()).toEqual(["Unsaved changes", "pending"]);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args).toMatchObject({ id: base.id, baseVersion: 1, kind: "autosave" });
    expect((calls[0]?.args.fields as ArticleFields).body).toBe("The barrier failed at dawn. Water rose fast.");
    expect(last()?.[1]).toBe("saved");
    expect(autosave.dirty).toBe(false);
  });

  test("the state reads Saved only when nothing was typed while the save ran", async () => {
    const base = article();
    const slow = later<void>();
    const calls = shell({
      save_article: async (args) => { if (args.baseVersion === 1) await slow.promise; return savedFrom(args, base); },
    });
    let body = base.body;
    const { autosave, states, last } = session(() => ({ ...editableFields(base), body }));
    autosave.open(base);
    body += " One.";
    autosave.touched();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(last()).toEqual(["Saving…", "saving"]);
    body += " Two.";
    autosave.touched();
    slow.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toEqual(["Unsaved changes", "pending"]);
    expect(states.filter(([, kind]) => kind === "saved")).toHaveLength(1); // only the open
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(calls.map((c) => c.args.baseVersion)).toEqual([1, 2]);
    expect((calls[1]?.args.fields as ArticleFields).body).toMatch(/One\. Two\.$/);
    expect(last()?.[1]).toBe("saved");
  });

  test("a save sends the whole object: a field this window does not know goes back as it came", async () => {
    loadPage();
    // `ticker` stands for a field added in the core after this window was written.
    const base = { ...article(), ticker: { symbol: "NDX", exchange: "XNAS" } };
    const calls = shell({ save_article: (args) => savedFrom(args, base) });
    form.fill(base);
    const { autosave } = session(() => form.read(editableFields(base)));
    autosave.open(base);
    document.querySelector<HTMLInputElement>("#f-headline")!.value = "Flood barrier fails again";
    autosave.touched();
    await autosave.flush("save");
    const sent = calls[0]?.args.fields as Record<string, unknown>;
    expect(sent.ticker).toEqual({ symbol: "NDX", exchange: "XNAS" });
    expect(sent.headline).toBe("Flood barrier fails again");
    // What the library tracks itself is not sent as a field.
    for (const key of ["id", "version", "status", "created_at", "updated_at"]) expect(sent).not.toHaveProperty(key);
  });

  test("a failed save says why, hands the text on, and is not retried without end", async () => {
    const base = article();
    const calls = shell({ save_article: () => { throw { kind: "database", message: "database is locked" }; } });
    const { autosave, refused, last } = session(() => ({ ...editableFields(base), body: "typed" }));
    autosave.open(base);
    autosave.touched();
    await autosave.flush("save");
    expect(calls).toHaveLength(1);
    expect(last()).toEqual(["Not saved: database is locked", "error"]);
    expect(refused.map((r) => r.fields.body)).toEqual(["typed"]);
    expect(autosave.dirty).toBe(true);
  });

  test("after a conflict nothing is saved until the editor chooses", async () => {
    const base = article();
    const calls = shell({
      save_article: () => { throw { kind: "conflict", message: "changed elsewhere" }; },
    });
    const { autosave, conflicts, last } = session(() => editableFields(base));
    autosave.open(base);
    autosave.touched();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(conflicts).toHaveLength(1);
    expect(last()).toEqual(["Not saved: changed elsewhere", "error"]);
    autosave.touched();
    autosave.touched();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 5);
    await autosave.flush("save");
    expect(calls).toHaveLength(1);
    expect(autosave.dirty).toBe(true);
  });
});
