// Photos in the body as photos: each `![alt](photo:<id>/<crop>)` in the editor is shown as a
// figure (the crop's thumbnail, the caption and credit from the photo desk) that the cursor
// steps over and Backspace deletes whole, and that moves with its line (Alt+↑/↓), as one
// unit: an atomic replace decoration over the reference's text, which stays the Markdown
// that is saved.
import { Decoration, EditorView, ViewPlugin, WidgetType, type DecorationSet, type ViewUpdate } from "@codemirror/view";
import { CORE } from "./generated/contract";
import { photoApi, reason, type Photo } from "./api";

/** A library photo placed in the body. */
export interface PlacedFigure { from: number; to: number; alt: string; photoId: string; crop: string | null }

const FIGURE = /!\[([^\]\n]*)\]\(photo:([0-9a-f]{64})(?:\/([^)\s/]+))?\)/g;

/** Every placed photo in `text`, with its position (UTF-16 units, as the editor counts). */
export function figuresIn(text: string, offset = 0): PlacedFigure[] {
  const out: PlacedFigure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    out.push({ from: offset + m.index, to: offset + m.index + m[0].length, alt: m[1], photoId: m[2], crop: m[3] ?? null });
  }
  return out;
}

/** The figure's image: the crop's own thumbnail when it names one, as the story will run it. */
export function figureImageUrl(photoId: string, crop: string | null): string {
  const base = `${CORE.photo_reference.thumbnail_url_prefix}${photoId}`;
  return crop ? `${base}/${encodeURIComponent(crop)}` : base;
}

/** What a photo dragged out of the photo desk carries: the reference the body takes. */
export const FIGURE_DRAG_TYPE = "text/plain";

export function figureMarkdown(photo: Photo, crop: string): string {
  const alt = photo.desk.alt_text.replace(/[[\]\n]/g, "");
  return `![${alt}](photo:${photo.id}/${crop})`;
}

// Caption and credit, looked up once per photo while the window is open.
const described = new Map<string, Promise<Photo | null>>();

function describe(photoId: string): Promise<Photo | null> {
  let found = described.get(photoId);
  if (!found) {
    found = photoApi.get(photoId).catch(() => null);
    described.set(photoId, found);
  }
  return found;
}

/** The photo desk changed a photo's record: its figures show the new caption and credit. */
export function forgetDescription(photoId: string) {
  described.delete(photoId);
}

class FigureWidget extends WidgetType {
  constructor(readonly figure: PlacedFigure) { super(); }

  override eq(other: FigureWidget): boolean {
    const a = this.figure, b = other.figure;
    return a.photoId === b.photoId && a.crop === b.crop && a.alt === b.alt;
  }

  toDOM(): HTMLElement {
    const { photoId, crop, alt } = this.figure;
    const figure = document.createElement("figure");
    figure.className = "cm-figure";
    figure.dataset.photoId = photoId;
    figure.dataset.crop = crop ?? "";
    const img = document.createElement("img");
    img.src = figureImageUrl(photoId, crop);
    img.alt = alt;
    img.draggable = false;
    const caption = document.createElement("figcaption");
    caption.textContent = crop ? `Crop ${crop}` : "Whole photo";
    figure.append(img, caption);
    void describe(photoId).then((photo) => {
      if (!photo) {
        caption.textContent = "This photo is not in the library";
        figure.classList.add("missing");
        return;
      }
      const credit = photo.desk.credit ? ` (${photo.desk.credit})` : " (no credit)";
      caption.textContent = `${photo.desk.caption || alt || "No caption"}${credit}`;
    });
    return figure;
  }

  override ignoreEvent(): boolean {
    return false;
  }
}

function decorate(view: EditorView): DecorationSet {
  const ranges = [];
  for (const { from, to } of view.visibleRanges) {
    // A figure that starts above the visible part still shows: read from its line's start.
    const start = view.state.doc.lineAt(from).from;
    const end = view.state.doc.lineAt(to).to;
    for (const f of figuresIn(view.state.sliceDoc(start, end), start)) {
      ranges.push(Decoration.replace({ widget: new FigureWidget(f) }).range(f.from, f.to));
    }
  }
  return Decoration.set(ranges, true);
}

const figures = ViewPlugin.fromClass(class {
  decorations: DecorationSet;
  constructor(view: EditorView) { this.decorations = decorate(view); }
  update(u: ViewUpdate) {
    if (u.docChanged || u.viewportChanged) this.decorations = decorate(u.view);
  }
}, { decorations: (p) => p.decorations });

/** The editor extension: figures drawn, and atomic for the cursor and deletion. */
export function figureWidgets() {
  return [
    figures,
    EditorView.atomicRanges.of((view) => view.plugin(figures)?.decorations ?? Decoration.none),
  ];
}

/** The Photos tab: every credited photo's crops, each dragged into the body as its figure
 *  (CodeMirror takes the dropped text where the pointer is). */
export async function showPhotoStrip(strip: HTMLElement) {
  let photos: Photo[];
  try {
    photos = await photoApi.list();
  } catch (e) {
    strip.replaceChildren(item("muted", `Photos not loaded: ${reason(e)}`));
    return;
  }
  const usable = photos.filter((p) => p.desk.credit.trim() && p.crops.length);
  if (!usable.length) {
    strip.replaceChildren(item("muted", "No cropped, credited photos yet: crop one on the photo desk (Ctrl+Shift+P)."));
    return;
  }
  strip.replaceChildren(...usable.flatMap((photo) => photo.crops.map((crop) => {
    const li = item("strip-crop", "");
    li.draggable = true;
    li.dataset.photoId = photo.id;
    li.dataset.crop = crop.name;
    li.title = `${photo.desk.caption || photo.source_name} (${photo.desk.credit})`;
    const img = document.createElement("img");
    img.src = figureImageUrl(photo.id, crop.name);
    img.alt = photo.desk.alt_text;
    img.loading = "lazy";
    img.draggable = false;
    const label = document.createElement("span");
    label.textContent = crop.name;
    li.append(img, label);
    li.addEventListener("dragstart", (e) => {
      e.dataTransfer?.setData(FIGURE_DRAG_TYPE, `\n${figureMarkdown(photo, crop.name)}\n`);
    });
    return li;
  })));
}

function item(className: string, text: string): HTMLLIElement {
  const li = document.createElement("li");
  li.className = className;
  li.textContent = text;
  return li;
}
