// A library from an older Newsdesk is upgraded while the window shows: every command answers
// `upgrading` until it is done, and the window says so and asks again.
import { expect, test } from "vitest";
import { api, onceOpen } from "../src/api";
import { commands, shell } from "./ipc";

const upgrading = { kind: "upgrading", message: "Newsdesk is upgrading the library /tmp/desk to this version" };

test("the window asks again while the library is upgraded, showing why, then gets its answer", async () => {
  let refusals = 2;
  const calls = shell({
    library_info: () => {
      if (refusals-- > 0) throw upgrading;
      return { root: "/tmp/desk" };
    },
  });
  const shown: string[] = [];
  const info = await onceOpen(api.libraryInfo, (m) => shown.push(m), 1);
  expect(info).toMatchObject({ root: "/tmp/desk" });
  expect(shown).toEqual([upgrading.message, upgrading.message]);
  expect(commands(calls)).toEqual(["library_info", "library_info", "library_info"]);
});

test("any other refusal is not waited out", async () => {
  const refused = { kind: "library", message: "this library was written by a newer Newsdesk", path: "/tmp/desk" };
  shell({ library_info: () => { throw refused; } });
  const shown: string[] = [];
  await expect(onceOpen(api.libraryInfo, (m) => shown.push(m), 1)).rejects.toEqual(refused);
  expect(shown).toEqual([]);
});
