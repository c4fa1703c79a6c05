// A change from the desk under unsaved typing: both kept when they touch different text,
// nothing guessed when they overlap.
import { describe, expect, test } from "vitest";
import { emptyFields, type Revision, type RevisionKind } from "../src/api";
import { mergeFields, mergeText, overDeskMerges } from "../src/merge";

const base = "The council met on Tuesday. It voted on the harbour.";

test.each([
  ["theirs only", base, base.replace("Tuesday", "Monday"), base.replace("Tuesday", "Monday")],
  ["mine only", base + " Mine.", base, base + " Mine."],
  ["both the same", base + " Same.", base + " Same.", base + " Same."],
  ["apart: they edit the start, I add at the end",
    base + " Twelve voted for.", base.replace("The council", "The city council"),
    "The city council met on Tuesday. It voted on the harbour. Twelve voted for."],
  ["apart: I edit the start, they the end",
    base.replace("Tuesday", "Monday"), base.replace("harbour", "new harbour"),
    "The council met on Monday. It voted on the new harbour."],
])("%s", (_, mine, theirs, merged) => {
  expect(mergeText(base, mine, theirs)).toBe(merged);
});

test.each([
  ["the same word", base.replace("Tuesday", "Monday"), base.replace("Tuesday", "Wednesday")],
  ["two inserts at one spot", base + " A.", base + " B."],
])("overlapping: %s, nothing guessed", (_, mine, theirs) => {
  expect(mergeText(base, mine, theirs)).toBeNull();
});

test("fields: their headline and my body both kept; a clash on one field is not merged", () => {
  const b = { ...emptyFields(), headline: "Harbour plan", body: base };
  const mine = { ...b, body: base + " Mine." };
  const theirs = { ...b, headline: "Harbour plan approved" };
  expect(mergeFields(b, mine, theirs)).toEqual({ ...b, headline: "Harbour plan approved", body: base + " Mine." });
  const clash = { ...b, lead_photo: { photo_id: "p1", crop: "16:9" } };
  const other = { ...b, lead_photo: { photo_id: "p2", crop: "3:2" } };
  expect(mergeFields(b, clash, other)).toBeNull();
});

describe("a save refused over desk merges", () => {
  const b = { ...emptyFields(), headline: "Harbour plan", body: base };
  const mine = { ...b, body: base + " Mine." };
  const latest = { ...b, headline: "Harbour plan approved" };
  const revision = (version: number | null, kind: RevisionKind): Revision => ({
    article_id: "a1", number: version ?? 99, version, base_version: null, kind, status: "draft",
    saved_at: "2026-12-03T12:00:00Z", fields: b, author: "", change: null,
  });
  const history = (...kinds: RevisionKind[]) => kinds.map((k, i) => revision(k === "conflict" ? null : i + 1, k));

  test("only merges since my version: my text carried onto theirs", () => {
    expect(overDeskMerges(2, history("create", "save", "merge", "conflict"), b, mine, latest))
      .toEqual({ ...b, headline: "Harbour plan approved", body: base + " Mine." });
  });

  test("a save in another window here since: the banner decides, nothing is carried", () => {
    expect(overDeskMerges(2, history("create", "save", "merge", "save"), b, mine, latest)).toBeNull();
  });

  test("nothing newer than my version: nothing to carry", () => {
    expect(overDeskMerges(2, history("create", "save"), b, mine, latest)).toBeNull();
  });
});
