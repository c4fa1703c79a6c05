// The shell, replaced by Tauri's own IPC mock: every call is recorded, and each command
// answers through a handler the test gives (an unknown command fails the test). Events are
// Tauri's mocked ones: a test sends what the shell would with `emit`.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach } from "vitest";
import { emptyFields, type Article, type Photo } from "../src/api";

export interface Call { cmd: string; args: Record<string, unknown> }
type Handler = (args: Record<string, unknown>) => unknown;

export function shell(handlers: Record<string, Handler>): Call[] {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    const call = { cmd, args: (args ?? {}) as Record<string, unknown> };
    calls.push(call);
    const handler = handlers[cmd];
    if (!handler) return Promise.reject(new Error(`unexpected command ${cmd}`));
    // A handler that throws stands for a command that fails: the call rejects with it.
    try {
      return Promise.resolve(handler(call.args));
    } catch (e) {
      return Promise.reject(e);
    }
  }, { shouldMockEvents: true });
  return calls;
}

afterEach(() => clearMocks());

export const commands = (calls: Call[]) => calls.map((c) => c.cmd);

export function article(over: Partial<Article> = {}): Article {
  return {
    ...emptyFields(),
    id: "5f0c2a64-6a53-4a8e-9d3e-1f1c0b7e2a01",
    version: 1,
    status: "draft",
    created_at: "2026-12-03T10:00:00Z",
    updated_at: "2026-12-03T10:00:00Z",
    headline: "Flood barrier fails",
    body: "The barrier failed at dawn.",
    ...over,
  };
}

/** A photo of the library, credited and described. */
export function photo(over: Partial<Photo> = {}): Photo {
  return {
    id: "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b",
    version: 3,
    sha256: "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b",
    format: "jpeg", byte_size: 25_000_000, width: 6000, height: 4000, orientation: 1,
    source_name: "harbour-fire.jpg",
    embedded: {} as Photo["embedded"],
    desk: {
      credit: "Getty Images", caption: "Smoke over the docks", alt_text: "Smoke over a dock",
      creator: "", copyright: "", source: "", usage_terms: "", special_instructions: "",
    },
    focal_point: null, crops: [],
    imported_at: "2026-12-03T10:00:00Z", updated_at: "2026-12-03T10:00:00Z",
    original: "photos/originals/9a/9a8b.jpg",
    awaiting_original: false,
    ...over,
  };
}

/** A promise the test settles when it chooses (a slow shell). */
export function later<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

/** What the core answers to a save: the next version, the text as sent. */
export function savedFrom(args: Record<string, unknown>, base: Article): Article {
  return { ...base, ...(args.fields as object), version: (args.baseVersion as number) + 1,
    updated_at: "2026-12-03T10:05:00Z" };
}
