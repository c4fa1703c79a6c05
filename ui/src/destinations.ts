// Destinations: where finished stories go (a hot folder, a Superdesk push receiver, WordPress,
// Ghost). One description per kind drives both the form and what it sends, so each form builds
// exactly the destination the core takes. A secret (push secret, application password, admin
// key) is typed into a password field, sent once and never shown again: the core answers only
// whether one is set.
import { open } from "@tauri-apps/plugin-dialog";
import { publishApi, reason, type Destination } from "./api";
import { $, h, notice } from "./dom";

export type Kind = Destination["kind"];
type Shown<K extends Kind> = Extract<Destination, { kind: K }>;

/** What the window sends to add a destination: what the core shows, with the secret itself
 *  in place of the `…_set` flag it answers with. */
export type NewDestination =
  | Shown<"folder">
  | (Omit<Shown<"http_push">, "secret_set"> & { secret?: string })
  | (Omit<Shown<"wordpress">, "application_password_set"> & { application_password: string })
  | (Omit<Shown<"ghost">, "admin_key_set"> & { admin_key: string });

interface Field {
  /** The contract's name for it. */
  key: string;
  label: string;
  input: "text" | "url" | "password" | "number" | "choice" | "folder" | "file";
  choices?: readonly string[];
  optional?: boolean;
  placeholder?: string;
  initial?: string;
  /** Shown under "Connection settings": most desks never change these. */
  advanced?: boolean;
  help?: string;
}

// The core's defaults for http_push (delivery/mod.rs: 10 s to connect, 60 s to read); the
// form shows them so a slow CMS can be given longer.
const TIMEOUTS: Field[] = [
  { key: "ca_file", label: "Extra CA certificate (PEM)", input: "file", optional: true, advanced: true,
    help: "Only for a CMS whose certificate the newsroom's own CA signed." },
  { key: "connect_timeout_secs", label: "Connect timeout (s)", input: "number", initial: "10", advanced: true },
  { key: "read_timeout_secs", label: "Read timeout (s)", input: "number", initial: "60", advanced: true },
];

const PUBLISH: Field = {
  key: "publish", label: "Posts arrive as", input: "choice", choices: ["draft", "publish"], initial: "draft",
  help: "Draft: an editor publishes in the CMS. Publish: live at once (an embargo still schedules it).",
};

export const KINDS: Record<Kind, { label: string; fields: Field[] }> = {
  wordpress: {
    label: "WordPress",
    fields: [
      { key: "site_url", label: "Site address", input: "url", placeholder: "https://news.example.org" },
      { key: "user", label: "User name", input: "text" },
      { key: "application_password", label: "Application password", input: "password",
        help: "Made in WordPress under Users → Profile → Application Passwords." },
      PUBLISH,
      ...TIMEOUTS,
    ],
  },
  ghost: {
    label: "Ghost",
    fields: [
      { key: "site_url", label: "Site address", input: "url", placeholder: "https://news.example.org" },
      { key: "admin_key", label: "Admin API key", input: "password", placeholder: "id:secret",
        help: "Ghost Admin → Settings → Integrations → a custom integration's Admin API key." },
      PUBLISH,
      ...TIMEOUTS,
    ],
  },
  http_push: {
    label: "Superdesk push",
    fields: [
      { key: "resource_url", label: "Resource URL", input: "url", placeholder: "https://receiver.example.org/push" },
      { key: "assets_url", label: "Assets URL", input: "url", placeholder: "https://receiver.example.org/push_binary" },
      { key: "secret", label: "Shared secret", input: "password", optional: true,
        help: "Signs each request (x-superdesk-signature); leave empty for none." },
      { key: "profile", label: "Format", input: "choice", choices: ["superdesk", "iptc-3.1"], initial: "superdesk",
        help: "superdesk: the ninjs Superdesk's receivers read. iptc-3.1: IPTC ninjs 3.1." },
      ...TIMEOUTS,
    ],
  },
  folder: {
    label: "Hot folder",
    fields: [{ key: "path", label: "Folder", input: "folder", placeholder: "/srv/hotfolder/web" }],
  },
};

/** Reads one field of the form by its contract name ("" when empty). */
export type Read = (key: string) => string;

/** The destination a filled form stands for; throws an `Error` whose message says what is
 *  missing or wrong, in the desk's words. */
export function destinationFrom(kind: Kind, read: Read): NewDestination {
  const name = read("name").trim();
  if (!name) throw new Error("Give the destination a name, e.g. web-desk.");
  const fields = KINDS[kind].fields;
  const value = (key: string) => {
    const field = fields.find((f) => f.key === key)!;
    // Secrets are taken as typed: a password may begin or end with a space.
    const v = field.input === "password" ? read(key) : read(key).trim();
    if (!v && !field.optional) throw new Error(`${KINDS[kind].label} needs the ${field.label.toLowerCase()}.`);
    if (field.input === "url" && v && !/^https?:\/\/[^/\s]+/i.test(v)) {
      throw new Error(`The ${field.label.toLowerCase()} must start with http:// or https://.`);
    }
    return v;
  };
  const seconds = (key: string) => {
    const n = Number(value(key));
    if (!Number.isInteger(n) || n < 1) throw new Error("Timeouts are whole seconds, at least 1.");
    return n;
  };
  const connection = () => ({
    ca_file: value("ca_file") || null,
    connect_timeout_secs: seconds("connect_timeout_secs"),
    read_timeout_secs: seconds("read_timeout_secs"),
  });
  const publish = () => (value("publish") === "publish" ? "publish" as const : "draft" as const);
  switch (kind) {
    case "folder":
      return { name, kind, path: value("path") };
    case "wordpress":
      return { name, kind, site_url: value("site_url"), user: value("user"),
        application_password: value("application_password"), publish: publish(), ...connection() };
    case "ghost":
      return { name, kind, site_url: value("site_url"), admin_key: value("admin_key"), publish: publish(),
        ...connection() };
    case "http_push": {
      const secret = value("secret");
      return { name, kind, resource_url: value("resource_url"), assets_url: value("assets_url"),
        profile: value("profile") === "iptc-3.1" ? "iptc-3.1" : "superdesk", ...connection(),
        ...(secret ? { secret } : {}) };
    }
  }
}

/** One line on where a destination goes; a secret shows only as set or not. */
export function describe(d: Destination): string {
  switch (d.kind) {
    case "folder":
      return `Hot folder · ${d.path}`;
    case "http_push":
      return `Superdesk push (${d.profile}) · ${d.resource_url}${d.secret_set ? " · signed" : ""}`;
    case "wordpress":
      return `WordPress · ${d.site_url} · ${d.user} · ${d.application_password_set ? "password set" : "no password"} · ${d.publish}`;
    case "ghost":
      return `Ghost · ${d.site_url} · ${d.admin_key_set ? "admin key set" : "no admin key"} · ${d.publish}`;
  }
}

/** The destinations of the Publish tab (send the open story) and of the dialog that adds,
 *  tests and removes them. */
export class Destinations {
  private kind: Kind = "wordpress";
  private list: Destination[] = [];

  constructor(
    /** Queues the open story for a destination; null when no story is open. */
    private send: () => ((name: string) => Promise<void>) | null,
  ) {
    $("#manage-destinations").addEventListener("click", () => this.openDialog());
    $("#destination-close").addEventListener("click", () => this.closeDialog());
    $<HTMLSelectElement>("#destination-kind").addEventListener("change", (e) => {
      this.kind = (e.target as HTMLSelectElement).value as Kind;
      this.renderForm();
    });
    $<HTMLFormElement>("#destination-form").addEventListener("submit", (e) => {
      e.preventDefault();
      void this.add();
    });
    const kinds = $<HTMLSelectElement>("#destination-kind");
    kinds.replaceChildren(...(Object.keys(KINDS) as Kind[]).map((k) => h("option", { value: k }, KINDS[k].label)));
    kinds.value = this.kind;
    this.renderForm();
  }

  openDialog() {
    const dialog = $<HTMLDialogElement>("#destination-dialog");
    if (!dialog.open) dialog.showModal();
    void this.refresh();
  }

  closeDialog() {
    $<HTMLDialogElement>("#destination-dialog").close();
  }

  async refresh() {
    try {
      this.list = await publishApi.destinations();
    } catch (e) {
      $("#destinations").replaceChildren(h("p", { class: "error" }, reason(e)));
      return;
    }
    const send = this.send();
    $("#destinations").replaceChildren(this.list.length
      ? h("ul", { class: "destinations" }, ...this.list.map((d) => h("li", { "data-name": d.name },
          h("span", {}, d.name, h("small", { class: "muted", title: describe(d) }, describe(d))),
          h("button", { class: "send", disabled: !send, title: send ? "" : "Open a story first",
            onclick: () => void send?.(d.name) }, "Send"))))
      : h("p", { class: "muted" }, "No destinations yet."));
    $("#destination-list").replaceChildren(...(this.list.length
      ? this.list.map((d) => this.row(d))
      : [h("li", { class: "muted" }, "No destinations yet: add one below.")]));
  }

  /** A destination in the dialog: what it is, Test connection, Remove (asked twice). */
  private row(d: Destination) {
    const answer = h("div", { class: "check", role: "status" });
    const actions = h("div", { class: "actions" });
    const li = h("li", { "data-name": d.name },
      h("strong", {}, d.name), h("div", { class: "muted" }, describe(d)), answer, actions);
    const normal = () => actions.replaceChildren(
      h("button", { class: "test", onclick: () => void this.check(d.name, answer) }, "Test connection"),
      h("button", { class: "remove", onclick: confirm }, "Remove"));
    const confirm = () => actions.replaceChildren(
      h("span", {}, `Remove ${d.name}? Deliveries already made stay in the CMS. `),
      h("button", { class: "remove-confirm danger", onclick: () => void this.remove(d.name) }, "Remove"),
      h("button", { class: "remove-keep", onclick: normal }, "Keep"));
    normal();
    return li;
  }

  async check(name: string, answer: HTMLElement) {
    answer.className = "check";
    answer.textContent = "Connecting…";
    try {
      const said = await publishApi.checkDestination(name);
      answer.classList.add("ok");
      answer.textContent = `✓ ${said}`;
    } catch (e) {
      answer.classList.add("error");
      answer.textContent = `✗ ${reason(e)}`;
    }
  }

  private async remove(name: string) {
    try {
      await publishApi.removeDestination(name);
      notice(`Removed ${name}`);
    } catch (e) {
      notice(`Not removed: ${reason(e)}`, true);
    }
    await this.refresh();
  }

  /** The form for the chosen kind; a secret field is always empty when it appears. */
  private renderForm() {
    const { fields } = KINDS[this.kind];
    const input = (f: Field) => {
      const id = `d-${f.key}`;
      const control = f.input === "choice"
        ? h("select", { id, name: f.key }, ...(f.choices ?? []).map((c) => h("option", { value: c }, c)))
        : h("input", {
            id, name: f.key,
            type: f.input === "folder" || f.input === "file" ? "text" : f.input,
            autocomplete: f.input === "password" ? "new-password" : "off",
            ...(f.placeholder ? { placeholder: f.placeholder } : {}),
            ...(f.input === "number" ? { min: "1", step: "1" } : {}),
          });
      if (f.initial) control.value = f.initial;
      const browse = f.input === "folder" || f.input === "file"
        ? h("button", { type: "button", onclick: () => void this.browse(f, control as HTMLInputElement) }, "Choose…")
        : null;
      return h("label", { class: f.optional ? "optional" : "" },
        h("span", {}, f.label, f.optional ? h("small", { class: "muted" }, " (optional)") : null),
        browse ? h("span", { class: "with-button" }, control, browse) : control,
        f.help ? h("small", { class: "muted" }, f.help) : null);
    };
    const basic = fields.filter((f) => !f.advanced);
    const advanced = fields.filter((f) => f.advanced);
    $("#destination-fields").replaceChildren(...basic.map(input),
      ...(advanced.length ? [h("details", {}, h("summary", {}, "Connection settings"), ...advanced.map(input))] : []));
    $("#destination-error").textContent = "";
  }

  private async browse(field: Field, control: HTMLInputElement) {
    const chosen = field.input === "folder"
      ? await open({ directory: true, title: "Hot folder" })
      : await open({ title: "CA certificate (PEM)", filters: [{ name: "PEM", extensions: ["pem", "crt"] }] });
    if (chosen) control.value = chosen;
  }

  /** Reads the form; on success the form is emptied, secrets first. */
  private async add() {
    const form = $<HTMLFormElement>("#destination-form");
    const error = $("#destination-error");
    const read: Read = (key) => form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${key}"]`)?.value ?? "";
    let destination: NewDestination;
    try {
      destination = destinationFrom(this.kind, read);
    } catch (e) {
      error.textContent = e instanceof Error ? e.message : String(e);
      return;
    }
    error.textContent = "";
    try {
      await publishApi.addDestination(destination);
    } catch (e) {
      error.textContent = `Not added: ${reason(e)}`;
      return;
    }
    form.reset();
    $<HTMLSelectElement>("#destination-kind").value = this.kind;
    this.renderForm();
    notice(`Added ${destination.name}: test the connection before the first delivery.`);
    await this.refresh();
  }
}
