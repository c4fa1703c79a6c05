// The live preview: debounced, one render at a time, and an answer to an older text (or to
// the story open before) is dropped.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { emptyFields, type ArticleFields, type Preview } from "../src/api";
import { LivePreview, PREVIEW_DELAY_MS } from "../src/preview";
import { later, shell } from "./ipc";
import { loadPage } from "./page";

beforeEach(() => { loadPage(); vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

const fields = (body: string): ArticleFields => ({ ...emptyFields(), headline: "Storm", body });
const rendered = (f: ArticleFields): Preview =>
  ({ html: `<p>${f.body}</p>`, stats: { words: 1, chars: f.body.length, reading_minutes: 1 }, warnings: [] });
const shownBody = () => document.querySelector("#preview .body")?.textContent ?? null;

/** A shell whose preview answers only when the test says, in any order. */
function slowShell() {
  const pending: { body: string; answer: (p: Preview) => void }[] = [];
  const calls = shell({
    preview: (args) => {
      const f = args.fields as ArticleFields;
      const answer = later<Preview>();
      pending.push({ body: f.body, answer: () => answer.resolve(rendered(f)) });
      return answer.promise;
    },
  });
  return { calls, pending };
}

describe("live preview", () => {
  test("typing faster than the delay asks for one preview, of the newest text", async () => {
    const { calls, pending } = slowShell();
    const preview = new LivePreview(() => undefined);
    for (const body of ["T", "Th", "The"]) {
      preview.request(() => fields(body));
      await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS / 3);
    }
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS);
    expect(calls).toHaveLength(1);
    pending[0]?.answer(rendered(fields("The")));
    await vi.advanceTimersByTimeAsync(0);
    expect(shownBody()).toBe("The");
  });

  test("an answer to a text that has been typed over is dropped", async () => {
    const { calls, pending } = slowShell();
    const preview = new LivePreview(() => undefined);
    preview.request(() => fields("old text"));
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS);
    preview.request(() => fields("new text"));
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS);
    expect(calls).toHaveLength(1); // one render at a time: the new text waits its turn
    pending[0]?.answer(rendered(fields("old text")));
    await vi.advanceTimersByTimeAsync(0);
    expect(shownBody()).toBeNull();
    expect(calls).toHaveLength(2);
    pending[1]?.answer(rendered(fields("new text")));
    await vi.advanceTimersByTimeAsync(0);
    expect(shownBody()).toBe("new text");
  });

  test("an answer for the story open before never shows on the next one", async () => {
    const { pending } = slowShell();
    const preview = new LivePreview(() => undefined);
    preview.request(() => fields("the previous story"));
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS);
    preview.forget();
    pending[0]?.answer(rendered(fields("the previous story")));
    await vi.advanceTimersByTimeAsync(0);
    expect(shownBody()).toBeNull();
  });
});
