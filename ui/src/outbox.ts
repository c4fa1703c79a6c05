// The outbox: every delivery with its story, destination and state, the receiver's message, the
// link to the post once the CMS has it, and retry or cancel. Redrawn whenever the shell says
// the outbox changed (`outbox-changed`), so a delivery the sender finishes shows at once.
import { api, onEvent, publishApi, reason, type Delivery, type DeliveryState } from "./api";
import { $, ago, clock, h, notice } from "./dom";

// What the core lets each state become (store/delivery.rs: `retry_delivery` takes failed,
// retrying and cancelled ones; `cancel_delivery` pending, retrying and failed ones). A
// button the core would refuse is not offered.
const RETRY_FROM: readonly DeliveryState[] = ["failed", "retrying", "cancelled"];
const CANCEL_FROM: readonly DeliveryState[] = ["pending", "retrying", "failed"];
const WAITING: readonly DeliveryState[] = ["pending", "sending", "retrying"];

/** The rows shown: the newest first, as the core lists them. */
const SHOWN = 30;

/** How a state reads on the desk, and when a waiting delivery is tried next. */
export function stateLabel(d: Delivery): { state: string; next: string | null } {
  switch (d.state) {
    case "retrying":
      return { state: "retrying", next: `next try ${clock(d.next_attempt_at)}` };
    case "sending":
      return { state: "sending…", next: null };
    default:
      return { state: d.state, next: null };
  }
}

/** Only a web address is offered as a link (the shell opens only those too). */
export function postLink(d: Delivery): string | null {
  const url = d.remote?.url;
  return url && /^https?:\/\//i.test(url) ? url : null;
}

export class Outbox {
  /** Headlines by article id: a delivery names only its article. */
  private headlines = new Map<string, string>();

  constructor() {
    void onEvent("outbox-changed", () => void this.refresh());
    void onEvent("outbox-error", (e) => notice(`Outbox: ${e.message}`, true));
  }

  async refresh() {
    let deliveries: Delivery[];
    try {
      deliveries = await publishApi.outbox();
    } catch (e) {
      $("#outbox").replaceChildren(h("li", { class: "error" }, `The outbox could not be read: ${reason(e)}`));
      return;
    }
    const shown = deliveries.slice(0, SHOWN);
    await this.learnHeadlines(shown);
    const waiting = deliveries.filter((d) => WAITING.includes(d.state)).length;
    const failed = deliveries.filter((d) => d.state === "failed").length;
    const summary = $("#outbox-summary");
    summary.textContent = [waiting ? `Outbox: ${waiting} pending` : "", failed ? `${failed} failed` : ""]
      .filter(Boolean).join(" · ");
    summary.classList.toggle("error", failed > 0);
    $("#outbox").replaceChildren(...(shown.length
      ? shown.map((d) => this.row(d))
      : [h("li", { class: "muted" }, "Nothing sent yet.")]));
  }

  private async learnHeadlines(deliveries: Delivery[]) {
    const unknown = [...new Set(deliveries.map((d) => d.article_id))].filter((id) => !this.headlines.has(id));
    await Promise.all(unknown.map(async (id) => {
      try {
        const a = await api.getArticle(id);
        this.headlines.set(id, a.headline || a.slugline || "Untitled story");
      } catch {
        this.headlines.set(id, "A deleted story");
      }
    }));
  }

  row(d: Delivery) {
    const link = postLink(d);
    const { state, next } = stateLabel(d);
    return h("li", { class: `delivery state-${d.state}`, "data-id": String(d.id), "data-state": d.state },
      h("div", { class: "story" }, this.headlines.get(d.article_id) ?? d.article_id),
      h("div", { class: "line" },
        h("span", { class: "state" }, state),
        next ? h("span", { class: "next" }, ` ${next}`) : null,
        d.update ? h("span", { class: "update", title: "An earlier version reached this destination: this one updates it" }, "update") : null,
        h("span", { class: "muted" }, ` → ${d.destination} · v${d.article_version} · ${ago(d.updated_at)}`)),
      d.last_error ? h("div", { class: "message error" }, d.last_error) : null,
      link
        ? h("a", { class: "remote", href: link, title: link, onclick: (e) => { e.preventDefault(); void this.open(d.id); } },
            `Open the post${d.remote?.id ? ` (${d.remote.id})` : ""} ↗`)
        : null,
      RETRY_FROM.includes(d.state) || CANCEL_FROM.includes(d.state)
        ? h("div", { class: "actions" },
            RETRY_FROM.includes(d.state)
              ? h("button", { class: "link retry", onclick: () => void this.retry(d.id) }, "Retry now") : null,
            CANCEL_FROM.includes(d.state)
              ? h("button", { class: "link cancel", onclick: () => void this.cancel(d.id) }, "Cancel") : null)
        : null,
    );
  }

  /** The shell opens the link the CMS gave for this delivery, and nothing else. */
  private async open(id: number) {
    try {
      await publishApi.openPost(id);
    } catch (e) {
      notice(`The browser did not open: ${reason(e)}`, true);
    }
  }

  async retry(id: number) {
    try {
      await publishApi.retry(id);
    } catch (e) {
      notice(`Not retried: ${reason(e)}`, true);
    }
    await this.refresh();
  }

  async cancel(id: number) {
    try {
      await publishApi.cancel(id);
    } catch (e) {
      notice(`Not cancelled: ${reason(e)}`, true);
    }
    await this.refresh();
  }
}
