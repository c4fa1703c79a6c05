// Tiny DOM helpers: the UI is plain TypeScript, and these keep the modules short.

// The type parameter names what the caller knows the selector finds (`$<HTMLInputElement>`).
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export function $<T extends HTMLElement = HTMLElement>(selector: string, root: ParentNode = document): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`missing element ${selector}`);
  return el;
}

type Attrs = Record<string, string | boolean | ((e: Event) => void)>;

/** `h("button", {class: "x", onclick: f}, "Label")` */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (typeof value === "function") el.addEventListener(key.replace(/^on/, ""), value);
    else if (value === true) el.setAttribute(key, "");
    else if (value !== false) el.setAttribute(key, value);
  }
  for (const child of children) if (child != null) el.append(child);
  return el;
}

export function clock(iso: string | Date): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/** "3 min ago", "yesterday 14:02", "12 Mar" — how a desk reads recency. */
export function ago(iso: string): string {
  const d = new Date(iso);
  const seconds = (Date.now() - d.getTime()) / 1000;
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return clock(d);
  return d.toLocaleDateString([], { day: "numeric", month: "short" });
}

let noticeTimer: number | undefined;
/** A passing message in the status bar; errors stay until the next one. */
export function notice(text: string, isError = false) {
  const el = $("#notice");
  el.textContent = text;
  el.classList.toggle("error", isError);
  window.clearTimeout(noticeTimer);
  if (!isError) noticeTimer = window.setTimeout(() => (el.textContent = ""), 4000);
}
