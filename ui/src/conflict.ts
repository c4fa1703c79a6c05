// The conflict banner: the library's version beside the refused text, which revision kept
// the refused text, and the two ways out.
import { api, conflictDetails, type Article, type ArticleFields } from "./api";
import { h } from "./dom";

export interface ConflictView {
  /** The library's version now (its text is not in the error, so it is fetched). */
  latest: Article;
  /** The conflict revision that holds the refused text, from the error's details. */
  keptRevision: number | null;
}

/** What the banner shows. The kept revision comes from the error's details: no history read. */
export async function conflictView(id: string, error: unknown): Promise<ConflictView> {
  const { keptRevision } = conflictDetails(error);
  return { latest: await api.getArticle(id), keptRevision };
}

export interface ConflictActions {
  loadLatest(latest: Article): void;
  keepMine(latest: Article, mine: ArticleFields): void;
}

/** Fills `banner` with both texts and the two choices. */
export function showConflict(banner: HTMLElement, view: ConflictView, mine: ArticleFields, baseVersion: number,
                             actions: ConflictActions) {
  const { latest, keptRevision } = view;
  const keptNote = keptRevision !== null ? ` Your text is kept as conflict revision ${keptRevision}.` : "";
  banner.replaceChildren(
    h("strong", {}, "This story was changed elsewhere while you were writing."),
    h("p", {}, `The library now has version ${latest.version}; your edit was based on version ${baseVersion}. Nothing is lost.${keptNote}`),
    h("div", { class: "versions" },
      h("div", {}, h("h4", {}, "Library version"), h("pre", { class: "their-text" }, latest.body)),
      h("div", {}, h("h4", {}, "Your text"), h("pre", { class: "my-text" }, mine.body)),
    ),
    h("div", { class: "actions" },
      h("button", { id: "conflict-load-latest", onclick: () => actions.loadLatest(latest) },
        "Load the library version (keep mine beside it)"),
      h("button", { id: "conflict-keep-mine", class: "primary", onclick: () => actions.keepMine(latest, mine) },
        "Save my text as the new version"),
    ),
  );
  banner.hidden = false;
}
