// A change from the desk arriving while the editor types: the editor's unsaved edits are
// carried over onto the merged version when the two touch different fields, or different
// parts of one text; otherwise nothing is guessed and the save that follows meets the usual
// conflict banner (both texts kept). A three-way merge of two single changes (each found as
// the span between the common prefix and suffix with the base) is enough here: the desk's
// Automerge merge has already done the character-level work between laptops, and this only
// bridges the seconds between the library's new version and the editor's next save.
import type { ArticleFields, Revision } from "./api";

/** The span of `base` that `changed` replaced: [start, end) in base, and the new text. */
function span(base: string, changed: string): { start: number; end: number; text: string } {
  let start = 0;
  const max = Math.min(base.length, changed.length);
  while (start < max && base[start] === changed[start]) start++;
  let tail = 0;
  while (tail < max - start && base[base.length - 1 - tail] === changed[changed.length - 1 - tail]) tail++;
  return { start, end: base.length - tail, text: changed.slice(start, changed.length - tail) };
}

/** `mine` and `theirs` both made from `base`: both changes, or `null` when they overlap. */
export function mergeText(base: string, mine: string, theirs: string): string | null {
  if (mine === base || mine === theirs) return theirs;
  if (theirs === base) return mine;
  const a = span(base, theirs);
  const b = span(base, mine);
  // Strictly apart: two inserts at one spot, or touching spans, have no order to trust.
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  if (first.end >= second.start && !(first.end === second.start && first.start < first.end && second.start < second.end)) {
    return null;
  }
  return base.slice(0, first.start) + first.text + base.slice(first.end, second.start) + second.text +
    base.slice(second.end);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every field merged, or `null` when one of them cannot be. */
export function mergeFields(base: ArticleFields, mine: ArticleFields, theirs: ArticleFields): ArticleFields | null {
  const out: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)]);
  for (const key of keys) {
    const [b, m, t] = [base, mine, theirs].map((f) => (f as unknown as Record<string, unknown>)[key]);
    if (same(m, b) || same(m, t)) out[key] = structuredClone(t);
    else if (same(t, b)) out[key] = structuredClone(m);
    else if (typeof b === "string" && typeof m === "string" && typeof t === "string") {
      const text = mergeText(b, m, t);
      if (text === null) return null;
      out[key] = text;
    } else return null;
  }
  return out as unknown as ArticleFields;
}

/** A save refused as stale while the story is on a desk: when every version made since the
 * editor's `baseVersion` is a merge from the desk (not a save in another window here), the
 * editor's text is carried onto the library's `latest` fields, as `mergeFields` allows. `null`:
 * someone here changed it, or the two overlap; the conflict banner then lets the editor choose. */
export function overDeskMerges(baseVersion: number, revisions: readonly Revision[], agreed: ArticleFields,
                               mine: ArticleFields, latest: ArticleFields): ArticleFields | null {
  const since = revisions.filter((r) => r.version !== null && r.version > baseVersion);
  if (since.length === 0 || !since.every((r) => r.kind === "merge")) return null;
  return mergeFields(agreed, mine, latest);
}
