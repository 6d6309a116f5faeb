/**
 * The first cards before the page has finished arriving. A big directory is
 * megabytes of data, and reading it all takes a while; so the page carries,
 * before its script, the few projects the default view shows first (by
 * stars), and after its script the whole directory. The script draws those
 * cards at once, and takes over with the whole directory when the document
 * has been read (DOMContentLoaded), reusing the same card elements: nothing
 * on screen changes, and nothing moves.
 */
import { renderCard } from "./cards.js";
import type { PageContext, SiteData } from "./data.js";
import { windowDays } from "./star-path.js";
import { decodeSiteData, type PreviewWire } from "./wire.js";

/** What every view needs to draw a project, for a data set. */
export function pageContext(data: SiteData, now: number): PageContext {
  const names = new Map(data.categories.map((cat) => [cat.id, cat.name]));
  return {
    data,
    categoryName: (id) => names.get(id) ?? id,
    now,
    days: windowDays(data),
  };
}

/**
 * Draws the preview's cards into `list` (only for the default view: any other
 * address waits for the whole directory). Returns them by position in the
 * directory, for the result list to reuse.
 */
export function showPreview(list: HTMLElement, now: number): Map<number, HTMLElement> {
  const cards = new Map<number, HTMLElement>();
  const block = document.getElementById("cooltech-first");
  if (block === null || (location.hash !== "" && location.hash !== "#")) return cards;
  const wire = JSON.parse(block.textContent ?? "") as PreviewWire;
  const data = decodeSiteData(wire);
  const ctx = pageContext(data, now);
  data.projects.forEach((p, i) => {
    const order = wire.order[i];
    if (order !== undefined) cards.set(order, renderCard(p, ctx));
  });
  list.append(...cards.values());
  return cards;
}
