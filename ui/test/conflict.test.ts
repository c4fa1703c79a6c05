// A stale save: the banner shows both texts and names the kept revision, taken from the
// error's details without reading the history again.
import { beforeEach, describe, expect, test } from "vitest";
import type { ArticleFields } from "../src/api";
import { Autosave, editableFields } from "../src/autosave";
import { conflictView, showConflict } from "../src/conflict";
import { article, commands, savedFrom, shell } from "./ipc";
import { loadPage } from "./page";

beforeEach(loadPage);

const theirs = article({ version: 5, body: "The council vote was postponed to Friday." });
const refusal = {
  kind: "conflict",
  message: "article was changed elsewhere",
  id: "a1",
  base_version: 4,
  kept_revision: 7,
  current_version: 5,
};
const banner = () => document.querySelector<HTMLElement>("#conflict")!;
const text = (selector: string) => banner().querySelector(selector)?.textContent;

describe("conflict", () => {
  test("the kept revision comes from the error's details; the history is not read", async () => {
    const calls = shell({ get_article: () => theirs });
    const view = await conflictView(theirs.id, refusal);
    expect(view).toEqual({ latest: theirs, keptRevision: 7 });
    expect(commands(calls)).toEqual(["get_article"]);
  });

  test("a refused autosave shows both texts, and keeping mine saves it over the library's version", async () => {
    const mine = "The council met at noon. Twelve members voted in favour.";
    const base = article({ version: 4 });
    const calls = shell({
      get_article: () => theirs,
      save_article: (args) => {
        if (args.baseVersion === 4) throw refusal;
        return savedFrom(args, theirs);
      },
    });
    let shown: ArticleFields = { ...editableFields(base), body: mine };
    const autosave: Autosave = new Autosave({
      fields: () => shown,
      state: () => undefined,
      accepted: () => undefined,
      failed: () => undefined,
      conflict: ({ article: a, fields, error }) => void conflictView(a.id, error).then((view) =>
        showConflict(banner(), view, fields, a.version, {
          loadLatest: () => undefined,
          keepMine: (latest, kept) => void autosave.keepMine(latest, kept),
        })),
    });
    autosave.open(base);
    autosave.touched();
    await autosave.flush("autosave");
    await new Promise((r) => setTimeout(r, 0));
    expect(banner().hidden).toBe(false);
    expect(text(".their-text")).toBe(theirs.body);
    expect(text(".my-text")).toBe(mine);
    expect(banner().textContent).toContain("conflict revision 7");
    expect(banner().textContent).toContain("library now has version 5; your edit was based on version 4");

    shown = { ...shown, body: `${mine} Typed after.` };
    banner().querySelector<HTMLButtonElement>("#conflict-keep-mine")!.click();
    await new Promise((r) => setTimeout(r, 0));
    const last = calls.at(-1)!;
    expect(last.cmd).toBe("save_article");
    expect(last.args).toMatchObject({ baseVersion: 5, kind: "save" });
    expect((last.args.fields as ArticleFields).body).toBe(`${mine} Typed after.`);
    expect(autosave.dirty).toBe(false);
  });
});
