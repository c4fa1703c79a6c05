// The photo desk: import (dialog or drop), the thumbnail grid with credits, the crop tool with
// aspect presets and a focal point, the credit/caption/alt form, attaching to the story, and
// the conflicts a desk sync found on a photo.
import { listen } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { open } from "@tauri-apps/plugin-dialog";
import { isReport, photoApi, reason, thumbnailUrl, type Crop, type DeskRecord, type ImportProgress, type Photo, type Rect } from "./api";
import { $, h, notice } from "./dom";
import { ConflictPanel, fieldLabel, valueText } from "./field_conflicts";

const CROP_STAGE_HEIGHT = 420;
const ASPECTS = ["16:9", "3:2", "4:3", "5:4", "1:1", "4:5", "2:3", "free"];
const IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "tif", "tiff"];
const FORM: [keyof DeskRecord, string, boolean][] = [
  ["credit", "Credit", false],
  ["caption", "Caption", true],
  ["alt_text", "Alt text", true],
  ["creator", "Photographer", false],
  ["copyright", "Copyright", false],
  ["source", "Source", false],
  ["usage_terms", "Usage terms", false],
  ["special_instructions", "Special instructions", true],
];

export interface Attach {
  lead(photo: Photo, crop: string): void;
  insert(photo: Photo, crop: string): void;
}

/** How a photo conflict names a crop: `crop:<name>` (the core's `CROP_FIELD`). */
const CROP_FIELD = "crop:";

export function photoFieldLabel(field: string): string {
  if (field.startsWith(CROP_FIELD)) return `Crop “${field.slice(CROP_FIELD.length)}”`;
  if (field === "focal_point") return "Focal point";
  return FORM.find(([key]) => key === field)?.[1] ?? fieldLabel(field);
}

/** A conflicting value of a photo as the photo desk reads it; a crop's `null` is its deletion. */
export function photoValueText(field: string, value: unknown): string {
  if (field.startsWith(CROP_FIELD)) {
    if (value === null) return "Deleted";
    const c = value as Crop;
    return `${c.aspect} · ${c.width}×${c.height} at ${c.x}, ${c.y}`;
  }
  if (field === "focal_point") {
    if (value === null) return "(none)";
    const [x, y] = value as [number, number];
    return `${Math.round(x * 100)}% across, ${Math.round(y * 100)}% down`;
  }
  return valueText(value);
}

export interface PhotoConflictHooks {
  /** The photo open on the desk. */
  photo(): Photo | null;
  /** The library took the answer: the desk shows the new version. */
  resolved(photo: Photo): Promise<void>;
}

/** The open photo's conflicts, above its crop tool and form. */
export class PhotoConflicts extends ConflictPanel {
  constructor(banner: HTMLElement, hooks: PhotoConflictHooks) {
    super(banner, {
      openId: () => hooks.photo()?.id ?? null,
      conflicts: (id) => photoApi.conflicts(id),
      resolve: async (field, value) => {
        const photo = hooks.photo();
        if (!photo) return;
        await hooks.resolved(await photoApi.resolveConflict(photo.id, photo.version, field, value));
      },
      label: photoFieldLabel,
      valueText: photoValueText,
      // The record's fields are text; a focal point or a crop is picked, not typed.
      writable: (field) => FORM.some(([key]) => key === field),
      waiting: "Stories using this photo cannot be exported or sent until every field has one.",
    });
  }
}

/** Crop names travel in `photo:<id>/<crop>` references, so they avoid ":" and "/". */
export function cropName(aspect: string): string {
  return aspect.replace(":", "x");
}

/**
 * A photo in the grid: thumbnail and credit. A photo from the team desk whose original has not
 * arrived yet says so: it can be credited, captioned and cropped from its thumbnail, and its
 * stories go out once the next sync has brought the original. One with a conflict open says
 * that too: its stories wait for the photo desk's answer.
 */
export function photoCard(p: Photo, selected: boolean, select: () => void, conflicted = false): HTMLElement {
  const credit = p.desk.credit.trim();
  return h("li", {
    "data-id": p.id, tabindex: "0", class: [selected ? "selected" : "", conflicted ? "conflicted" : ""].join(" ").trim(),
    onclick: select,
    onkeydown: (e: Event) => { if ((e as KeyboardEvent).key === "Enter") select(); },
  },
    h("img", { src: thumbnailUrl(p.id), alt: p.desk.alt_text, loading: "lazy" }),
    h("div", { class: credit ? "credit" : "credit missing" }, credit || "No credit"),
    p.awaiting_original
      ? h("div", { class: "awaiting", title: "Only the thumbnail is here: the next desk sync brings the original" },
        "Original on its way")
      : null,
    conflicted
      ? h("div", { class: "conflict-mark", title: "Changed in two places at once: open it to pick a value" },
        "Conflict")
      : null,
  );
}

export class PhotoDesk {
  private photos: Photo[] = [];
  /** Ids of the photos with a conflict open. */
  private conflicted = new Set<string>();
  private current: Photo | null = null;
  private readonly conflicts = new PhotoConflicts($("#photo-conflicts"), {
    photo: () => this.current,
    resolved: async (photo) => {
      this.current = photo;
      notice("Photo conflict resolved");
      this.renderForm();
      this.renderCrops();
      await this.chooseAspect(this.aspect);
      await this.refresh();
    },
  });
  private aspect = ASPECTS[0];
  private rect: Rect | null = null;

  constructor(private attach: Attach) {
    $("#import-photos").addEventListener("click", () => void this.chooseFiles());
    $(".aspects").append(...ASPECTS.map((a) =>
      h("button", { "data-aspect": a, onclick: () => void this.chooseAspect(a) }, a)));
    $("#save-crop").addEventListener("click", () => void this.saveCrop());
    this.dragCrop();
    this.dragFocalPoint();
    window.addEventListener("resize", () => this.drawCrop());
    void listen<ImportProgress>("import-progress", (e) => this.progress(e.payload));
    void getCurrentWebview().onDragDropEvent((e) => {
      if (e.payload.type === "drop" && e.payload.paths.length) void this.importPaths(e.payload.paths);
    });
  }

  async refresh() {
    try {
      const [photos, conflicted] = await Promise.all([photoApi.list(), photoApi.conflicted()]);
      this.photos = photos;
      this.conflicted = new Set(conflicted);
    } catch (e) {
      notice(`Photos unavailable: ${reason(e)}`, true);
      return;
    }
    const grid = $("#photo-grid");
    grid.dataset.ready = "true";
    if (!this.photos.length) {
      grid.replaceChildren(h("li", { class: "empty-state" },
        "No photos yet. Import agency pictures with the button above or drop them here."));
      return;
    }
    grid.replaceChildren(...this.photos.map((p) =>
      photoCard(p, p.id === this.current?.id, () => void this.select(p.id), this.conflicted.has(p.id))));
  }

  /**
   * The desk brought others' changes: the grid, the open photo's conflicts, and the photo
   * itself when it moved (a crop being dragged or a field being typed is not replaced).
   */
  async remoteChanged() {
    if ($("#photo-desk").hidden) return;
    await this.refresh();
    const open = this.current;
    if (!open) return;
    await this.conflicts.refresh();
    const typing = $("#photo-detail").contains(document.activeElement);
    try {
      const latest = await photoApi.get(open.id);
      if (latest.version !== open.version && !typing) await this.select(open.id);
    } catch (e) {
      notice(`The photo could not be reloaded: ${reason(e)}`, true);
    }
  }

  private async chooseFiles() {
    const picked = await open({ multiple: true, filters: [{ name: "Photos", extensions: IMAGE_EXTENSIONS }] });
    if (picked) await this.importPaths(Array.isArray(picked) ? picked : [picked]);
  }

  private async importPaths(paths: string[]) {
    const bar = $<HTMLProgressElement>("#import-progress");
    bar.hidden = false;
    bar.max = paths.length;
    bar.value = 0;
    try {
      const report = await photoApi.import(paths);
      const parts = [`${report.imported.length} imported`];
      if (report.duplicates.length) parts.push(`${report.duplicates.length} already in the library`);
      if (report.refused.length) parts.push(`${report.refused.length} refused`);
      $("#import-state").textContent = parts.join(", ");
      if (report.refused.length) notice(report.refused.map((r) => r.reason).join(" · "), true);
      const first = report.imported[0] ?? report.duplicates[0];
      await this.refresh();
      if (first) await this.select(first.id);
    } catch (e) {
      notice(`Import failed: ${reason(e)}`, true);
    } finally {
      bar.hidden = true;
    }
  }

  private progress(p: ImportProgress) {
    const bar = $<HTMLProgressElement>("#import-progress");
    bar.hidden = p.done >= p.total;
    bar.max = p.total;
    bar.value = p.done;
    $("#import-state").textContent = p.done < p.total ? `Importing ${p.done} of ${p.total}…` : "";
    if (p.done >= p.total) void this.refresh();
  }

  async select(id: string) {
    try {
      this.current = await photoApi.get(id);
    } catch (e) {
      notice(`Could not open the photo: ${reason(e)}`, true);
      return;
    }
    for (const li of $("#photo-grid").querySelectorAll<HTMLElement>("li[data-id]")) {
      li.classList.toggle("selected", li.dataset.id === id);
    }
    $("#photo-detail").hidden = false;
    const img = $<HTMLImageElement>("#crop-image");
    // As large as the column allows, small agency thumbnails included, and never taller
    // than the stage: the crop box is drawn in the displayed image's pixels.
    $("#crop-stage").style.width = `min(100%, ${(CROP_STAGE_HEIGHT * this.current.width) / this.current.height}px)`;
    img.onload = () => this.drawCrop();
    img.src = thumbnailUrl(id);
    this.renderForm();
    this.renderCrops();
    await Promise.all([this.chooseAspect(this.aspect), this.conflicts.refresh()]);
  }

  private renderForm() {
    const photo = this.current!;
    $("#photo-form").replaceChildren(...FORM.map(([key, label, multiline]) => {
      const attrs = { id: `p-${key}`, name: key, "aria-label": label };
      const input = multiline ? h("textarea", { ...attrs, rows: "3" }) : h("input", attrs);
      input.value = photo.desk[key];
      input.addEventListener("change", () => void this.editField(key, input.value));
      const embedded = photo.embedded[key];
      const missing = key === "credit" && !photo.desk[key].trim();
      return h("label", { class: missing ? "missing" : "" }, label, input,
        embedded ? h("small", { class: "embedded", title: "As embedded by the agency" }, `Embedded: ${embedded}`) : null);
    }));
  }

  private async editField(key: keyof DeskRecord, value: string) {
    const { id, version } = this.current!;
    try {
      this.current = await photoApi.edit(id, version, { [key]: value });
      notice(`Photo ${key.replace("_", " ")} saved`);
      this.renderForm();
      this.renderCrops();
      await this.refresh();
    } catch (e) {
      if (!(await this.reloadAfterConflict(e, `Your ${key.replace("_", " ")} was not saved`))) {
        notice(`Not saved: ${reason(e)}`, true);
      }
    }
  }

  /**
   * A change based on a version someone else (another window, the command line) has since
   * changed is refused by the core: load the photo as it is now and say what happened, so the
   * editor makes the change again on what is there. True when `e` was such a conflict.
   */
  private async reloadAfterConflict(e: unknown, what: string): Promise<boolean> {
    if (!isReport(e) || e.kind !== "conflict" || !this.current) return false;
    const mine = this.current.version;
    await this.select(this.current.id);
    await this.refresh();
    notice(`${what}: this photo was changed elsewhere (you had version ${mine}, it is now version ${this.current.version}). `
      + "It has been reloaded; make your change again.", true);
    return true;
  }

  private async chooseAspect(aspect: string) {
    this.aspect = aspect;
    for (const b of document.querySelectorAll<HTMLElement>(".aspects button")) {
      b.setAttribute("aria-pressed", String(b.dataset.aspect === aspect));
    }
    const photo = this.current!;
    const saved = photo.crops.find((c) => c.name === cropName(aspect));
    try {
      this.rect = saved ?? await photoApi.defaultCrop(photo.id, aspect);
    } catch (e) {
      notice(reason(e), true);
    }
    $("#crop-state").textContent = saved ? `Saved as “${saved.name}”` : "Not saved yet";
    this.drawCrop();
  }

  private scale(): number {
    const img = $<HTMLImageElement>("#crop-image");
    return this.current && img.clientWidth ? img.clientWidth / this.current.width : 0;
  }

  private drawCrop() {
    const s = this.scale();
    const box = $("#crop-box");
    const dot = $("#focal-point");
    if (!this.rect || !s) return;
    Object.assign(box.style, {
      left: `${this.rect.x * s}px`, top: `${this.rect.y * s}px`,
      width: `${this.rect.width * s}px`, height: `${this.rect.height * s}px`,
    });
    const [fx, fy] = this.current!.focal_point ?? [0.5, 0.5];
    Object.assign(dot.style, { left: `${fx * this.current!.width * s}px`, top: `${fy * this.current!.height * s}px` });
    dot.classList.toggle("unset", !this.current!.focal_point);
  }

  /** Dragging the box moves it; dragging its corner resizes it, keeping the ratio. */
  private dragCrop() {
    const box = $("#crop-box");
    box.addEventListener("pointerdown", (down) => {
      if (!this.rect || !this.current) return;
      down.preventDefault();
      box.setPointerCapture(down.pointerId);
      const resizing = (down.target as HTMLElement).classList.contains("handle");
      const start = { ...this.rect };
      const s = this.scale();
      const { width: W, height: H } = this.current;
      const move = (e: PointerEvent) => {
        const dx = (e.clientX - down.clientX) / s;
        const dy = (e.clientY - down.clientY) / s;
        if (resizing) this.rect = resized(start, dx, dy, this.aspect, W, H);
        else this.rect = {
          ...start,
          x: Math.round(clamp(start.x + dx, 0, W - start.width)),
          y: Math.round(clamp(start.y + dy, 0, H - start.height)),
        };
        $("#crop-state").textContent = "Not saved yet";
        this.drawCrop();
      };
      box.addEventListener("pointermove", move);
      box.addEventListener("pointerup", () => box.removeEventListener("pointermove", move), { once: true });
    });
  }

  private dragFocalPoint() {
    const dot = $("#focal-point");
    dot.addEventListener("pointerdown", (down) => {
      if (!this.current) return;
      down.preventDefault();
      down.stopPropagation();
      dot.setPointerCapture(down.pointerId);
      const img = $<HTMLImageElement>("#crop-image").getBoundingClientRect();
      const at = (e: PointerEvent): [number, number] =>
        [clamp((e.clientX - img.left) / img.width, 0, 1), clamp((e.clientY - img.top) / img.height, 0, 1)];
      const move = (e: PointerEvent) => {
        this.current = { ...this.current!, focal_point: at(e) };
        this.drawCrop();
      };
      dot.addEventListener("pointermove", move);
      dot.addEventListener("pointerup", async (up) => {
        dot.removeEventListener("pointermove", move);
        try {
          this.current = await photoApi.setFocalPoint(this.current!.id, this.current!.version, at(up));
          if (!this.current.crops.some((c) => c.name === cropName(this.aspect))) await this.chooseAspect(this.aspect);
        } catch (e) {
          if (!(await this.reloadAfterConflict(e, "The focal point was not saved"))) {
            notice(`Focal point not saved: ${reason(e)}`, true);
          }
        }
      }, { once: true });
    });
  }

  private async saveCrop() {
    if (!this.current || !this.rect) return;
    try {
      this.current = await photoApi.saveCrop(this.current.id, this.current.version, cropName(this.aspect), this.aspect, this.rect);
      $("#crop-state").textContent = `Saved as “${cropName(this.aspect)}”`;
      this.renderCrops();
    } catch (e) {
      if (await this.reloadAfterConflict(e, "The crop was not saved")) {
        $("#crop-state").textContent = "Not saved: the photo was changed elsewhere and has been reloaded";
      } else {
        $("#crop-state").textContent = `Not saved: ${reason(e)}`;
      }
    }
  }

  /** The core refuses while a story uses the crop, and says which: the crop stays. */
  private async deleteCrop(name: string) {
    if (!this.current) return;
    try {
      this.current = await photoApi.deleteCrop(this.current.id, this.current.version, name);
      notice(`Crop ${name} deleted`);
      await this.chooseAspect(this.aspect);
    } catch (e) {
      if (!(await this.reloadAfterConflict(e, "The crop was not deleted"))) {
        notice(`The crop was not deleted: ${reason(e)}`, true);
      }
    }
    this.renderCrops();
  }

  /** Saved crops, each usable in the story once the photo has a credit. */
  private renderCrops() {
    const photo = this.current!;
    const credited = Boolean(photo.desk.credit.trim());
    const blocked = { disabled: !credited, title: credited ? "" : "Add a credit before using this photo" };
    $("#crop-list").replaceChildren(
      photo.crops.length ? h("h4", {}, "Crops") : h("p", { class: "muted" }, "Save a crop to use the photo in a story."),
      ...photo.crops.map((c) => {
        const row = h("div", { class: "crop-row", "data-crop": c.name });
        const normal = () => row.replaceChildren(
          h("span", {}, `${c.name} · ${c.width}×${c.height}`),
          h("button", { ...blocked, class: "attach-lead", onclick: () => this.attach.lead(photo, c.name) }, "Use as lead photo"),
          h("button", { ...blocked, class: "insert-body", onclick: () => this.attach.insert(photo, c.name) }, "Insert into body"),
          h("button", { class: "delete-crop", onclick: confirm }, "Delete"));
        // Asked twice, like removing a destination: a crop's rectangle took the desk a while.
        const confirm = () => row.replaceChildren(
          h("span", {}, `Delete the crop ${c.name}? `),
          h("button", { class: "delete-crop-confirm danger", onclick: () => void this.deleteCrop(c.name) }, "Delete"),
          h("button", { class: "delete-crop-keep", onclick: normal }, "Keep"));
        normal();
        return row;
      }),
    );
    if (!credited) $("#crop-list").append(h("p", { class: "error" }, "This photo has no credit: add one before using it."));
  }
}

function clamp(v: number, lo: number, hi: number) {
  return Math.min(Math.max(v, lo), hi);
}

function resized(start: Rect, dx: number, dy: number, aspect: string, W: number, H: number): Rect {
  const maxW = W - start.x;
  const maxH = H - start.y;
  if (aspect === "free") {
    return { ...start, width: Math.round(clamp(start.width + dx, 32, maxW)), height: Math.round(clamp(start.height + dy, 32, maxH)) };
  }
  const [rw, rh] = aspect.split(":").map(Number);
  const width = clamp(start.width + dx, 32, Math.min(maxW, (maxH * rw) / rh));
  return { ...start, width: Math.round(width), height: Math.round((width * rh) / rw) };
}
