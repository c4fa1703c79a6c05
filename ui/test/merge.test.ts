// A change from the desk under unsaved typing: both kept when they touch different text,
// nothing guessed when they overlap.
import { expect, test } from "vitest";
import { emptyFields } from "../src/api";
import { mergeFields, mergeText } from "../src/merge";

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
