// The team desk in the window: who works here, joining a desk, the sync's state in the status
// bar ("Synced 12:04", "3 changes waiting", "Offline since 11:58 (relay unreachable)", "Desk
// token refused") and who else has the open story open. The syncing itself runs in the shell
// (newsdesk-sync's background.rs); this module shows what it says and asks it to act.
import { onEvent, reason, deskApi, type DeskStatus, type Present } from "./api";
import { $, clock } from "./dom";

export type DeskStateKind = "alone" | "synced" | "syncing" | "waiting" | "offline" | "refused" | "failed";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the status bar says about the desk, and how it is coloured. Honest: waiting changes
 * are named whenever there are any, and an offline desk says since when. */
export function syncStateText(s: DeskStatus): { text: string; kind: DeskStateKind } {
  // Alone, the status bar offers the desk (it opens the join dialog).
  if (!s.url) return { text: "Join a team desk…", kind: "alone" };
  const waiting = s.waiting ? plural(s.waiting, "change waiting", "changes waiting") : "";
  const conflicts = s.conflicts ? plural(s.conflicts, "field conflict", "field conflicts") : "";
  const photos = s.photo_conflicts ? plural(s.photo_conflicts, "photo conflict", "photo conflicts") : "";
  const tail = (...parts: string[]) => [...parts, waiting, conflicts, photos].filter(Boolean).join(" · ");
  switch (s.trouble) {
    case "refused":
      return { text: tail("Desk token refused"), kind: "refused" };
    case "offline":
      return {
        text: tail(`Offline since ${clock(s.offline_since ?? new Date())} (relay unreachable)`),
        kind: "offline",
      };
    case "failed":
      return { text: tail(`Desk sync failed: ${s.message ?? "unknown reason"}`), kind: "failed" };
    default:
      break;
  }
  if (s.syncing) return { text: tail("Syncing…"), kind: "syncing" };
  if (waiting) return { text: tail(), kind: "waiting" };
  if (s.synced_at) return { text: tail(`Synced ${clock(s.synced_at)}`), kind: "synced" };
  return { text: tail("Not synced yet"), kind: "waiting" };
}

/** "Also here: Bea Osei, Cal Weir" (one person's two laptops read once). */
export function hereText(people: readonly Present[]): string {
  const names = [...new Set(people.map((p) => p.name))];
  return names.length ? `Also here: ${names.join(", ")}` : "";
}

export interface DeskHooks {
  /** The last sync changed stories here: the list and the open story reload. */
  changed(): void;
  /** Who works here (for the list's "by" on one's own saves). */
  me(name: string | null): void;
  /** The story the window shows now (for presence). */
  openStory(): string | null;
}

export class DeskPanel {
  status: DeskStatus | null = null;

  constructor(private readonly hooks: DeskHooks) {
    void onEvent("desk-status", (s) => this.show(s));
    void onEvent("desk-here", (here) => {
      // An answer about a story no longer open is old news.
      if (here.story !== this.hooks.openStory()) return;
      this.showHere(here.people);
    });
    $("#desk-state").addEventListener("click", () => this.openDialog());
    $("#desk-close").addEventListener("click", () => $<HTMLDialogElement>("#desk-dialog").close());
    $("#desk-name-form").addEventListener("submit", (e) => { e.preventDefault(); void this.setName(); });
    $("#desk-join-form").addEventListener("submit", (e) => { e.preventDefault(); void this.join(); });
    $("#desk-sync-now").addEventListener("click", () => void deskApi.syncNow());
  }

  async refresh() {
    try {
      this.show(await deskApi.status());
    } catch (e) {
      $("#desk-state").textContent = `Desk: ${reason(e)}`;
    }
  }

  show(s: DeskStatus) {
    const first = this.status === null;
    this.status = s;
    const { text, kind } = syncStateText(s);
    const el = $("#desk-state");
    el.textContent = text;
    el.dataset.state = kind;
    el.title = s.message ?? (s.url ? `Desk: ${s.url}` : "Join a team desk");
    this.hooks.me(s.me?.name ?? null);
    $("#desk-me").textContent = s.me ? `You are ${s.me.name} on this laptop.` : "Give your name first: it is shown on every change you make.";
    $<HTMLInputElement>("#desk-name").placeholder = s.me?.name ?? "Your name";
    $("#desk-joined").textContent = s.url ? `On the desk at ${s.url}. ${text}` : "This library works alone.";
    $<HTMLButtonElement>("#desk-join").disabled = !s.me;
    $("#desk-sync-now").hidden = !s.url;
    if (!first && s.changed > 0 && !s.syncing) this.hooks.changed();
  }

  showHere(people: readonly Present[]) {
    const el = $("#here");
    el.textContent = hereText(people);
    el.hidden = people.length === 0;
    el.title = people.map((p) => `${p.name} (device ${p.device.slice(0, 8)})`).join("\n");
  }

  /** The story the window shows changed: presence follows it. */
  async storyOpened(id: string | null) {
    this.showHere([]);
    try {
      await deskApi.openStory(id);
    } catch {
      // No library: nothing to be present on.
    }
  }

  openDialog() {
    $("#desk-error").textContent = "";
    const dialog = $<HTMLDialogElement>("#desk-dialog");
    if (!dialog.open) dialog.showModal();
    (this.status?.me ? $<HTMLInputElement>("#desk-url") : $<HTMLInputElement>("#desk-name")).focus();
  }

  async setName() {
    const name = $<HTMLInputElement>("#desk-name").value;
    try {
      await deskApi.setIdentity(name);
      $<HTMLInputElement>("#desk-name").value = "";
      $("#desk-error").textContent = "";
      await this.refresh();
    } catch (e) {
      $("#desk-error").textContent = reason(e);
    }
  }

  async join() {
    const url = $<HTMLInputElement>("#desk-url").value.trim();
    const token = $<HTMLInputElement>("#desk-token").value;
    const button = $<HTMLButtonElement>("#desk-join");
    button.disabled = true;
    $("#desk-error").textContent = "";
    $("#desk-joining").textContent = "Joining: bringing this library's stories to the desk and the desk's here…";
    try {
      this.show(await deskApi.join(url, token));
      $<HTMLInputElement>("#desk-token").value = "";
      $("#desk-joining").textContent = "";
      this.hooks.changed();
    } catch (e) {
      $("#desk-joining").textContent = "";
      $("#desk-error").textContent = reason(e);
    } finally {
      button.disabled = !this.status?.me;
    }
  }
}
