// Destinations in the window: each kind's form sends exactly the destination the core takes,
// a secret is sent once and never shown again, Test connection shows what the CMS answered,
// and Remove asks first.
import { beforeEach, describe, expect, test, vi } from "vitest";
import type { Destination } from "../src/api";
import { Destinations, type Kind, type NewDestination } from "../src/destinations";
import { commands, shell } from "./ipc";
import { loadPage } from "./page";
import { $ } from "../src/dom";

beforeEach(loadPage);

const $$ = (s: string) => [...document.querySelectorAll<HTMLElement>(s)];

/** Picks the kind and types each value into the field of that contract name. */
function fill(kind: Kind, values: Record<string, string>) {
  const select = $<HTMLSelectElement>("#destination-kind");
  select.value = kind;
  select.dispatchEvent(new Event("change"));
  for (const [key, value] of Object.entries(values)) {
    const field = $<HTMLInputElement | HTMLSelectElement>(`#destination-form [name="${key}"]`);
    field.value = value;
  }
}

function submit() {
  $<HTMLFormElement>("#destination-form").requestSubmit();
}

/** What the core answers to `destinations` for what was added: secrets only as set. */
function shown(d: NewDestination): Destination {
  switch (d.kind) {
    case "folder":
      return d;
    case "http_push": {
      const { secret, ...rest } = d;
      return { ...rest, secret_set: Boolean(secret) };
    }
    case "wordpress": {
      const { application_password, ...rest } = d;
      return { ...rest, application_password_set: application_password !== "" };
    }
    case "ghost": {
      const { admin_key, ...rest } = d;
      return { ...rest, admin_key_set: admin_key !== "" };
    }
  }
}

/** A shell that keeps what is added, like the library does. */
function library() {
  const stored: NewDestination[] = [];
  const calls = shell({
    destinations: () => stored.map(shown),
    add_destination: (args) => { stored.push(args.destination as NewDestination); return null; },
    remove_destination: (args) => {
      stored.splice(stored.findIndex((d) => d.name === args.name), 1);
      return null;
    },
  });
  return { calls, stored };
}

const WP_PASSWORD = "abcd EFGH ijkl MNOP qrst UVWX";
const GHOST_KEY = "6489f3a1c2b7e4d5f6a7b8c9:1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a7988";
const PUSH_SECRET = "s3cret-push-key";

const cases: { kind: Kind; typed: Record<string, string>; sent: NewDestination; secret?: string; listed: RegExp }[] = [
  {
    kind: "wordpress",
    typed: { name: "web-desk", site_url: " https://news.example.org ", user: "editor",
      application_password: WP_PASSWORD, publish: "publish" },
    sent: { name: "web-desk", kind: "wordpress", site_url: "https://news.example.org", user: "editor",
      application_password: WP_PASSWORD, publish: "publish", ca_file: null, connect_timeout_secs: 10,
      read_timeout_secs: 60 },
    secret: WP_PASSWORD,
    listed: /WordPress · https:\/\/news\.example\.org · editor · password set · publish/,
  },
  {
    kind: "ghost",
    typed: { name: "ghost-blog", site_url: "http://127.0.0.1:2368", admin_key: GHOST_KEY,
      connect_timeout_secs: "5", read_timeout_secs: "120", ca_file: "/etc/newsroom/ca.pem" },
    sent: { name: "ghost-blog", kind: "ghost", site_url: "http://127.0.0.1:2368", admin_key: GHOST_KEY,
      publish: "draft", ca_file: "/etc/newsroom/ca.pem", connect_timeout_secs: 5, read_timeout_secs: 120 },
    secret: GHOST_KEY,
    listed: /Ghost · http:\/\/127\.0\.0\.1:2368 · admin key set · draft/,
  },
  {
    kind: "http_push",
    typed: { name: "newsroom", resource_url: "https://push.example.org/push",
      assets_url: "https://push.example.org/push_binary", secret: PUSH_SECRET },
    sent: { name: "newsroom", kind: "http_push", resource_url: "https://push.example.org/push",
      assets_url: "https://push.example.org/push_binary", secret: PUSH_SECRET, profile: "superdesk",
      ca_file: null, connect_timeout_secs: 10, read_timeout_secs: 60 },
    secret: PUSH_SECRET,
    listed: /Superdesk push \(superdesk\) · https:\/\/push\.example\.org\/push · signed/,
  },
  {
    kind: "http_push",
    typed: { name: "iptc-feed", resource_url: "http://127.0.0.1:9000/items",
      assets_url: "http://127.0.0.1:9000/assets", profile: "iptc-3.1" },
    // No secret typed: none is sent (an empty one would sign with an empty key).
    sent: { name: "iptc-feed", kind: "http_push", resource_url: "http://127.0.0.1:9000/items",
      assets_url: "http://127.0.0.1:9000/assets", profile: "iptc-3.1", ca_file: null,
      connect_timeout_secs: 10, read_timeout_secs: 60 },
    listed: /Superdesk push \(iptc-3\.1\) · http:\/\/127\.0\.0\.1:9000\/items$/,
  },
  {
    kind: "folder",
    typed: { name: "print", path: "/srv/hotfolder/print" },
    sent: { name: "print", kind: "folder", path: "/srv/hotfolder/print" },
    listed: /Hot folder · \/srv\/hotfolder\/print/,
  },
];

describe("each form builds exactly the destination the core takes", () => {
  test.each(cases)("$kind: $sent.name", async ({ kind, typed, sent, secret, listed }) => {
    const { calls } = library();
    const destinations = new Destinations(() => null);
    destinations.openDialog();
    fill(kind, typed);
    submit();
    await vi.waitFor(() => expect(commands(calls)).toContain("add_destination"));
    expect(calls.find((c) => c.cmd === "add_destination")!.args).toStrictEqual({ destination: sent });
    await vi.waitFor(() => expect($$("#destination-list li[data-name]")).toHaveLength(1));
    expect($("#destination-list li[data-name] > .muted").textContent).toMatch(listed);
    if (secret) {
      // Sent once; from here on the window holds it nowhere: not in a field, not in the page.
      expect([...document.querySelectorAll<HTMLInputElement>("#destination-form input")].map((i) => i.value)).not.toContain(secret);
      expect(document.body.innerHTML).not.toContain(secret);
      const field = $<HTMLInputElement>(`#destination-form [name="${Object.keys(typed).find((k) => typed[k] === secret)!}"]`);
      expect(field.type).toBe("password");
      expect(field.autocomplete).toBe("new-password");
    }
  });

  test.each([
    ["wordpress", { name: "web-desk", site_url: "https://news.example.org", user: "editor" }, /application password/],
    ["wordpress", { name: "", site_url: "https://news.example.org", user: "e", application_password: "x" }, /name/],
    ["ghost", { name: "g", site_url: "news.example.org", admin_key: "k" }, /must start with http/],
    ["http_push", { name: "p", resource_url: "https://a", assets_url: "https://b", read_timeout_secs: "0" }, /at least 1/],
  ] as const)("%s with a gap is refused in the window, nothing sent", async (kind, typed, message) => {
    const { calls } = library();
    new Destinations(() => null).openDialog();
    fill(kind, typed);
    submit();
    await vi.waitFor(() => expect($("#destination-error").textContent).toMatch(message));
    expect(commands(calls)).not.toContain("add_destination");
  });

  test("a destination the core refuses keeps the form as typed, with the core's reason", async () => {
    const calls = shell({
      destinations: () => [],
      add_destination: () => { throw { kind: "invalid", message: "a destination named web-desk exists already" }; },
    });
    new Destinations(() => null).openDialog();
    fill("folder", { name: "web-desk", path: "/srv/hot" });
    submit();
    await vi.waitFor(() => expect($("#destination-error").textContent)
      .toBe("Not added: a destination named web-desk exists already"));
    expect(commands(calls)).toContain("add_destination");
    expect($<HTMLInputElement>("#d-name").value).toBe("web-desk");
  });
});

describe("test connection and remove", () => {
  const wordpress: Destination = { name: "web-desk", kind: "wordpress", site_url: "http://127.0.0.1:8080",
    user: "editor", application_password_set: true, publish: "draft", ca_file: null,
    connect_timeout_secs: 10, read_timeout_secs: 60 };

  async function opened(handlers: Parameters<typeof shell>[0]) {
    const calls = shell({ destinations: () => [wordpress], ...handlers });
    new Destinations(() => null).openDialog();
    await vi.waitFor(() => expect($$("#destination-list li[data-name]")).toHaveLength(1));
    return calls;
  }

  test("the CMS's answer is shown", async () => {
    const calls = await opened({ check_destination: () => "Signed in to Newsdesk Test as editor (WordPress 6.1.9)" });
    $<HTMLButtonElement>("#destination-list .test").click();
    await vi.waitFor(() => expect($("#destination-list .check").textContent)
      .toBe("✓ Signed in to Newsdesk Test as editor (WordPress 6.1.9)"));
    expect(calls.at(-1)).toEqual({ cmd: "check_destination", args: { name: "web-desk" } });
  });

  test("a failed check shows the CMS's message, in red", async () => {
    await opened({
      check_destination: () => {
        throw { kind: "delivery", message: "WordPress refused the application password of editor (401 incorrect_password): check it in Users → Profile" };
      },
    });
    $<HTMLButtonElement>("#destination-list .test").click();
    await vi.waitFor(() => expect($("#destination-list .check").textContent)
      .toBe("✗ WordPress refused the application password of editor (401 incorrect_password): check it in Users → Profile"));
    expect($("#destination-list .check").classList).toContain("error");
  });

  test("remove asks first; Keep keeps it", async () => {
    const calls = await opened({ remove_destination: () => null });
    $<HTMLButtonElement>("#destination-list .remove").click();
    expect($("#destination-list .actions").textContent).toMatch(/Remove web-desk\?/);
    $<HTMLButtonElement>("#destination-list .remove-keep").click();
    expect(commands(calls)).not.toContain("remove_destination");
    expect($$("#destination-list .test")).toHaveLength(1);
  });

  test("remove, confirmed, removes it by name", async () => {
    const { calls } = library();
    const d = new Destinations(() => null);
    d.openDialog();
    fill("folder", { name: "print", path: "/srv/print" });
    submit();
    await vi.waitFor(() => expect($$("#destination-list li[data-name]")).toHaveLength(1));
    $<HTMLButtonElement>("#destination-list .remove").click();
    $<HTMLButtonElement>("#destination-list .remove-confirm").click();
    await vi.waitFor(() => expect($("#destination-list").textContent).toMatch(/No destinations yet/));
    expect(calls.find((c) => c.cmd === "remove_destination")?.args).toEqual({ name: "print" });
  });

  test("Send queues the open story for that destination; without a story it is off", async () => {
    shell({ destinations: () => [wordpress] });
    const sent: string[] = [];
    let storyOpen = false;
    const d = new Destinations(() => (storyOpen ? (name) => { sent.push(name); return Promise.resolve(); } : null));
    await d.refresh();
    expect($<HTMLButtonElement>("#destinations .send").disabled).toBe(true);
    storyOpen = true;
    await d.refresh();
    $<HTMLButtonElement>("#destinations .send").click();
    expect(sent).toEqual(["web-desk"]);
  });
});
