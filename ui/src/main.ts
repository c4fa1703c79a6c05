// Wires the screens together: library list, editor, preview, history and the shortcuts.
import { getCurrentWindow } from "@tauri-apps/api/window";
import { api, emptyFields, onceOpen, reason, STATUSES, thumbnailUrl, type Article, type Status } from "./api";
import { $, h, notice } from "./dom";
import { Editor } from "./editor";
import { addRow } from "./fields";
import { History } from "./history";
import { ArticleList } from "./list";
import { PhotoDesk } from "./photos";
import { LivePreview } from "./preview";
import { Publish } from "./publish";
import { measureKeyToPaint } from "./latency";
import { Recovery } from "./recovery";
import { DeskPanel } from "./desk";
import { FieldConflicts } from "./field_conflicts";
import { showPhotoStrip } from "./figure";
import { showStop, WireDesk } from "./wire";

const list = new ArticleList((id) => void openArticle(id));
const preview = new LivePreview(focusField);
const editor: Editor = new Editor({
  changed: (article) => {
    // The list takes its one row from the reply: nothing is listed again.
    list.update(article);
    void recovery.accepted(article);
    if (editor.article?.id !== article.id) return;
    showStatus(article.status);
    showLeadPhoto();
    if (!$("#tab-history").hidden) void history.refresh();
  },
  edited: () => { preview.request(() => editor.fields()); },
  // The database may be what failed: the text goes to a file beside it, offered at next start.
  failed: ({ article, fields, error }) => void recovery.keep(article, fields, reason(error)),
});
const recovery = new Recovery((a) => { show(a); list.update(a); }, () => editor.flush("save"));
const history = new History(() => editor.article, (a) => { editor.open(a); list.update(a); },
  () => editor.flush("save"));

const photoDesk = new PhotoDesk({
  lead: (photo, crop) => {
    if (!editor.article) return notice("Open a story first, then attach the photo.", true);
    editor.setLeadPhoto({ photo_id: photo.id, crop });
    showLeadPhoto();
    notice(`Lead photo set (${crop})`);
  },
  insert: (photo, crop) => {
    if (!editor.article) return notice("Open a story first, then insert the photo.", true);
    const alt = photo.desk.alt_text.replace(/[[\]]/g, "");
    editor.insertInBody(`![${alt}](photo:${photo.id}/${crop})`);
    showView("story");
    editor.focusBody();
  },
});

const wireDesk = new WireDesk((article) => { list.update(article); show(article); }, () => {
  void list.refresh();
  void showStop(editor.article?.id ?? null, () => void list.refresh());
});

/** The centre shows the story, the photo desk or the wire. */
function showView(view: "story" | "photos" | "wire") {
  const photos = view === "photos";
  const wire = view === "wire";
  $("#photo-desk").hidden = !photos;
  $("#wire-desk").hidden = !wire;
  $("#editor").hidden = view !== "story" || !editor.article;
  $("#welcome").hidden = view !== "story" || Boolean(editor.article);
  $("#open-photo-desk").setAttribute("aria-pressed", String(photos));
  $("#open-wire-desk").setAttribute("aria-pressed", String(wire));
  if (wire) void wireDesk.refresh();
  // The side panel belongs to a story: with none open it would offer fields that go nowhere.
  $("#side").classList.toggle("idle", !editor.article);
  if (photos) void photoDesk.refresh();
}

function showLeadPhoto() {
  const lead = editor.article?.lead_photo;
  $("#lead-photo").replaceChildren(...(lead
    ? [h("h3", {}, "Lead photo"),
       h("img", { src: thumbnailUrl(lead.photo_id), alt: "Lead photo" }),
       h("div", { class: "muted" }, `Crop ${lead.crop} `,
         h("button", { class: "link", onclick: () => { editor.setLeadPhoto(null); showLeadPhoto(); } }, "Remove"))]
    : [h("p", { class: "muted" }, "No lead photo. Pick one on the photo desk (Ctrl+Shift+P).")]));
}

const publish = new Publish(() => editor.article, () => editor.flush("save"), focusField);

const fieldConflicts = new FieldConflicts($("#field-conflicts"), {
  article: () => editor.article,
  flush: () => editor.flush("save"),
  resolved: (article) => {
    editor.open(article);
    list.update(article);
    showStatus(article.status);
    if (!$("#tab-publish").hidden) void publish.refresh();
  },
});

const desk = new DeskPanel({
  changed: () => void deskChanged(),
  me: (name) => { list.me = name; },
  openStory: () => editor.article?.id ?? null,
});

/** The desk brought others' changes: the list, and the open story when it moved (typing is
 * never overwritten: see `Editor.takeRemote`); the photo desk when it is shown. */
async function deskChanged() {
  void photoDesk.remoteChanged();
  await list.refresh();
  const open = editor.article;
  if (!open) return;
  try {
    const latest = await api.getArticle(open.id);
    if (editor.takeRemote(latest)) {
      showLeadPhoto();
      showStatus(latest.status);
      list.select(latest.id);
    }
  } catch (e) {
    notice(`The story could not be reloaded: ${reason(e)}`, true);
  }
  await fieldConflicts.refresh();
}

async function openArticle(id: string) {
  if (editor.article?.id === id) return;
  await editor.flush("save");
  try {
    show(await api.getArticle(id));
  } catch (e) {
    notice(`Could not open the story: ${reason(e)}`, true);
  }
}

function show(article: Article) {
  preview.forget();
  editor.open(article);
  showView("story");
  showLeadPhoto();
  showStatus(article.status);
  list.select(article.id);
  if (!$("#tab-history").hidden) void history.refresh();
  if (!$("#tab-publish").hidden) void publish.refresh();
  void fieldConflicts.refresh();
  void desk.storyOpened(article.id);
  void showStop(article.id, () => {
    void list.refresh();
    if (!$("#tab-publish").hidden) void publish.refresh();
  });
}

async function newArticle() {
  await editor.flush("save");
  try {
    const article = await api.createArticle(emptyFields());
    list.update(article);
    show(article);
    $("#f-headline").focus();
  } catch (e) {
    notice(`No new story: ${reason(e)}`, true);
  }
}

function showStatus(status: Status) {
  $<HTMLSelectElement>("#f-status").value = status;
}

async function changeStatus(status: Status) {
  await editor.flush("save");
  const article = editor.article;
  if (!article) return;
  try {
    const saved = await api.setStatus(article.id, article.version, status);
    editor.article = { ...article, version: saved.version, status: saved.status, updated_at: saved.updated_at };
    notice(`Marked ${status}`);
    list.update(saved);
  } catch (e) {
    showStatus(article.status);
    notice(`Status not changed: ${reason(e)}`, true);
  }
}

/** Warnings and preflight name a field; this takes the editor to it. */
function focusField(field: string) {
  const ids: Record<string, string> = {
    headline: "f-headline", dek: "f-dek", slugline: "f-slugline", kicker: "f-kicker",
    section: "f-section", authors: "f-authors", dateline: "f-dateline-place", keywords: "f-keywords",
    related: "f-related", editors_note: "f-editors-note", embargo: "f-embargo",
  };
  if (field === "body") return editor.focusBody();
  if (field === "lead_photo") return showView("photos");
  if (field === "authors" && !document.querySelector("#f-authors .row")) {
    selectTab("details");
    return addRow("f-authors", ["Name", "Role"]);
  }
  const el = document.getElementById(ids[field] ?? `f-${field}`);
  if (!el) return;
  if (el.closest("#side")) selectTab("details");
  (el.matches("input, textarea, select") ? el : el.querySelector<HTMLElement>("input, button"))?.focus();
}

function selectTab(name: string) {
  for (const tab of document.querySelectorAll<HTMLElement>("[role=tab]")) {
    const on = tab.dataset.tab === name;
    tab.setAttribute("aria-selected", String(on));
    $(`#tab-${tab.dataset.tab}`).hidden = !on;
  }
  if (name === "history") void history.refresh();
  if (name === "publish") void publish.refresh();
  if (name === "photos") void showPhotoStrip($("#photo-strip"));
}

function shortcuts(e: KeyboardEvent) {
  if (!(e.ctrlKey || e.metaKey)) return;
  const key = e.key.toLowerCase();
  const action: Record<string, () => void> = {
    n: () => void newArticle(),
    s: () => void editor.flush("save"),
    f: () => { $<HTMLInputElement>("#search").focus(); $<HTMLInputElement>("#search").select(); },
    e: () => selectTab("publish"),
  };
  if (e.shiftKey && key === "w") {
    e.preventDefault();
    return showView($("#wire-desk").hidden ? "wire" : "story");
  }
  if (e.shiftKey && key === "p") {
    e.preventDefault();
    return showView($("#photo-desk").hidden ? "photos" : "story");
  }
  if (e.shiftKey || e.altKey || !action[key]) return;
  e.preventDefault();
  action[key]();
}

async function start() {
  const status = $<HTMLSelectElement>("#f-status");
  for (const s of STATUSES) status.append(h("option", { value: s }, s));
  status.addEventListener("input", (e) => e.stopPropagation());
  status.addEventListener("change", () => void changeStatus(status.value as Status));
  $("#new-article").addEventListener("click", () => void newArticle());
  $("#open-photo-desk").addEventListener("click", () => showView($("#photo-desk").hidden ? "photos" : "story"));
  $("#back-to-story").addEventListener("click", () => showView("story"));
  $("#open-wire-desk").addEventListener("click", () => showView($("#wire-desk").hidden ? "wire" : "story"));
  $("#back-from-wire").addEventListener("click", () => showView("story"));
  // "Outbox: 1 pending" in the status bar leads to the outbox.
  $("#outbox-summary").addEventListener("click", () => {
    if (!editor.article) return;
    selectTab("publish");
    $("#outbox").scrollIntoView({ block: "nearest" });
  });
  $("#add-author").addEventListener("click", () => addRow("f-authors", ["Name", "Role"]));
  $("#add-related").addEventListener("click", () => addRow("f-related", ["Title", "Link"]));
  for (const tab of document.querySelectorAll<HTMLElement>("[role=tab]")) {
    tab.addEventListener("click", () => selectTab(tab.dataset.tab!));
  }
  document.addEventListener("keydown", shortcuts);
  showView("story");
  measureKeyToPaint($("#body-editor"));

  // Whatever is typed gets saved before the window goes away, or kept for the next start.
  void getCurrentWindow().onCloseRequested(() => recovery.beforeClose(editor));

  const upgrading = h("p", { id: "upgrading", role: "status" });
  try {
    const info = await onceOpen(api.libraryInfo, (message) => {
      upgrading.textContent = message;
      if (!upgrading.isConnected) $("#welcome h1").after(upgrading);
    });
    upgrading.remove();
    $("#library-root").textContent = info.root ? `Library: ${info.root}` : "";
  } catch (e) {
    upgrading.remove();
    $("#welcome").replaceChildren(h("h1", {}, "The library could not be opened"),
      h("p", { class: "error" }, reason(e)),
      h("p", {}, "Start Newsdesk with --library pointing at another folder, or fix the folder above."));
    return;
  }
  await list.refresh();
  await recovery.offer();
  await desk.refresh();
}

void start();
