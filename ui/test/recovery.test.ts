// Closing with unsaved text (defect 12): a pending save is flushed first; text the library did
// not take is kept in the library folder and offered back on the next start.
import { beforeEach, describe, expect, test, vi } from "vitest";
import { mockWindows } from "@tauri-apps/api/mocks";
import { getCurrentWindow } from "@tauri-apps/api/window";
import type { Article, ArticleFields, UnsavedText } from "../src/api";
import { Autosave, editableFields } from "../src/autosave";
import { Recovery } from "../src/recovery";
import { article, commands, savedFrom, shell, type Call } from "./ipc";
import { loadPage } from "./page";

beforeEach(loadPage);

const locked = { kind: "database", message: "database is locked" };

/** An editor session as main.ts wires it: failed saves go to `recovery.keep`. */
function editing(base: Article, body: () => string) {
  const opened: Article[] = [];
  const recovery: Recovery = new Recovery((a) => opened.push(a), () => autosave.flush("save"));
  const autosave: Autosave = new Autosave({
    fields: () => ({ ...editableFields(base), body: body() }),
    state: () => undefined,
    accepted: (saved) => void recovery.accepted(saved),
    conflict: () => undefined,
    failed: ({ article: a, fields, error }) => void recovery.keep(a, fields, (error as { message: string }).message),
  });
  autosave.open(base);
  return { autosave, recovery, opened };
}

const kept = (calls: Call[]) => calls.filter((c) => c.cmd === "keep_unsaved").map((c) => c.args);
const flushed = () => new Promise((r) => setTimeout(r, 0));

describe("closing with unsaved text", () => {
  test("a pending autosave is saved before the window goes; nothing needs keeping", async () => {
    const base = article();
    const calls = shell({ save_article: (args) => savedFrom(args, base) });
    const { autosave, recovery } = editing(base, () => "typed just before closing");
    autosave.touched();
    await recovery.beforeClose(autosave);
    expect(commands(calls)).toEqual(["save_article"]);
    expect(autosave.dirty).toBe(false);
  });

  test("defect 12: closing after a failed save keeps the whole text in the library folder", async () => {
    const base = { ...article({ version: 3 }), ticker: "NDX" };
    const calls = shell({ save_article: () => { throw locked; }, keep_unsaved: () => null });
    let body = "first paragraph";
    const { autosave, recovery } = editing(base, () => body);
    autosave.touched();
    await autosave.flush("autosave");
    await flushed();
    // The failed save already kept it: the database may never come back.
    expect(kept(calls)).toHaveLength(1);
    body = "first paragraph, and more typed after the failure";
    autosave.touched();
    await recovery.beforeClose(autosave);
    const last = kept(calls).at(-1)!;
    expect(last).toMatchObject({ articleId: base.id, baseVersion: 3 });
    expect((last.fields as ArticleFields).body).toBe(body);
    expect((last.fields as Record<string, unknown>).ticker).toBe("NDX");
  });

  test("closing in a conflict keeps what was typed after it", async () => {
    const base = article();
    const calls = shell({
      save_article: () => { throw { kind: "conflict", message: "changed elsewhere" }; },
      keep_unsaved: () => null,
    });
    const { autosave, recovery } = editing(base, () => "typed on after the conflict");
    autosave.touched();
    await autosave.flush("autosave");
    autosave.touched();
    await recovery.beforeClose(autosave);
    expect(commands(calls)).toEqual(["save_article", "keep_unsaved"]);
    expect((kept(calls)[0]?.fields as ArticleFields).body).toBe("typed on after the conflict");
  });

  test("the window's close request runs the flush before the window is destroyed", async () => {
    mockWindows("main");
    const base = article();
    const order: string[] = [];
    shell({
      save_article: (args) => { order.push("save"); return savedFrom(args, base); },
      "plugin:window|destroy": () => { order.push("destroy"); return null; },
    });
    const { autosave, recovery } = editing(base, () => "typed");
    autosave.touched();
    // Tauri's own onCloseRequested, with the event delivery (which needs the shell) stubbed.
    let closeHandler: (() => Promise<void>) | undefined;
    const win = getCurrentWindow();
    vi.spyOn(win, "listen").mockImplementation((_event, handler) => {
      closeHandler = () => Promise.resolve(handler({ event: "tauri://close-requested", id: 1, payload: null }));
      return Promise.resolve(() => undefined);
    });
    await win.onCloseRequested(() => recovery.beforeClose(autosave));
    await closeHandler?.();
    expect(order).toEqual(["save", "destroy"]);
  });
});

describe("kept text offered back on the next start", () => {
  const keptText: UnsavedText = {
    article_id: article().id, base_version: 3, reason: "database is locked",
    kept_at: "2026-12-03T10:04:00Z",
    fields: { ...editableFields(article()), body: "The text the library never took." },
  };
  const buttons = (selector: string) => [...document.querySelectorAll<HTMLButtonElement>(`#recovery ${selector}`)];

  test("restore saves it over the current version, then forgets it", async () => {
    const current = article({ version: 5 });
    const calls = shell({
      unsaved_texts: () => [keptText],
      get_article: () => current,
      save_article: (args) => savedFrom(args, current),
      discard_unsaved: () => null,
    });
    const opened: Article[] = [];
    const recovery = new Recovery((a) => opened.push(a), () => Promise.resolve());
    await recovery.offer();
    expect(document.querySelector<HTMLElement>("#recovery")!.hidden).toBe(false);
    expect(document.querySelector("#recovery")!.textContent).toContain("Flood barrier fails");
    buttons(".restore-unsaved")[0].click();
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    expect(commands(calls)).toEqual(["unsaved_texts", "get_article", "save_article", "discard_unsaved"]);
    expect(calls[2]?.args).toMatchObject({ baseVersion: 5, kind: "save" });
    expect((calls[2]?.args.fields as ArticleFields).body).toBe("The text the library never took.");
    expect(opened[0]?.version).toBe(6);
    expect(document.querySelector<HTMLElement>("#recovery")!.hidden).toBe(true);
  });

  test("a story deleted meanwhile comes back as a new story", async () => {
    const calls = shell({
      get_article: () => { throw { kind: "not_found", message: "article not found" }; },
      create_article: (args) => ({ ...article({ id: "new" }), ...(args.fields as object) }),
      discard_unsaved: () => null,
    });
    const recovery = new Recovery(() => undefined, () => Promise.resolve());
    const restored = await recovery.restore(keptText);
    expect(restored?.body).toBe("The text the library never took.");
    expect(commands(calls)).toEqual(["get_article", "create_article", "discard_unsaved"]);
  });

  test("a restore that fails leaves the text kept and offered", async () => {
    const calls = shell({
      unsaved_texts: () => [keptText],
      get_article: () => article({ version: 5 }),
      save_article: () => { throw locked; },
    });
    const recovery = new Recovery(() => undefined, () => Promise.resolve());
    await recovery.offer();
    expect(await recovery.restore(keptText)).toBeNull();
    expect(commands(calls)).not.toContain("discard_unsaved");
    expect(buttons(".restore-unsaved")).toHaveLength(1);
    expect(document.querySelector("#notice")!.textContent).toMatch(/Not restored: database is locked/);
  });

  test("discard forgets it", async () => {
    const calls = shell({ unsaved_texts: () => [keptText], discard_unsaved: () => null });
    const recovery = new Recovery(() => undefined, () => Promise.resolve());
    await recovery.offer();
    buttons(".discard-unsaved")[0].click();
    await vi.waitFor(() => expect(commands(calls)).toContain("discard_unsaved"));
    expect(calls.at(-1)?.args).toEqual({ articleId: keptText.article_id });
  });

  test("a save the library takes later makes the kept copy obsolete", async () => {
    const base = article();
    let fail = true;
    const calls = shell({
      save_article: (args) => { if (fail) throw locked; return savedFrom(args, base); },
      keep_unsaved: () => null,
      discard_unsaved: () => null,
    });
    const { autosave } = editing(base, () => "typed");
    autosave.touched();
    await autosave.flush("save");
    await flushed();
    fail = false;
    autosave.touched();
    await autosave.flush("save");
    await flushed();
    expect(commands(calls)).toEqual(["save_article", "keep_unsaved", "save_article", "discard_unsaved"]);
  });

  test("nothing kept: no banner", async () => {
    shell({ unsaved_texts: () => [] });
    await new Recovery(() => undefined, () => Promise.resolve()).offer();
    expect(document.querySelector<HTMLElement>("#recovery")!.hidden).toBe(true);
  });
});
