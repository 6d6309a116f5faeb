/**
 * The page's three pages in one document: the project list, a project's
 * detail (`#/p/<slug>`) and the stats (`#/stats`). Switching shows one and
 * hides the others, keeps the list (and its scroll position) as it was, sets
 * the document title, and moves focus: to the new page's heading, or back to
 * the link that opened a project when returning to the list.
 */
import type { PageContext, SiteProject } from "./data.js";
import { renderDetail } from "./detail.js";
import { byId } from "./list-view.js";
import type { Route } from "./state.js";
import { renderStats } from "./stats.js";

export interface Pages {
  /** Shows the route's page; `initial` on page load (focus is not moved then). */
  show(route: Route, initial: boolean): void;
}

/** The width each stats chart gets: half the page on a wide screen (two columns), else all of it. */
function chartWidth(container: HTMLElement): number {
  const twoColumns = window.matchMedia("(min-width: 60rem)").matches;
  const width = container.clientWidth;
  return twoColumns ? (width - 32) / 2 : width;
}

/** Shows `page`, hides the others, and marks the navigation link of the page shown. */
function revealPage(
  page: HTMLElement,
  pages: readonly HTMLElement[],
  nav: { list: HTMLElement; stats: HTMLElement },
): void {
  for (const p of pages) p.hidden = p !== page;
  for (const [shown, link] of [
    [pages[0], nav.list],
    [pages[2], nav.stats],
  ] as const) {
    if (page === shown) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

export function createPages(
  ctx: PageContext,
  bySlug: ReadonlyMap<string, SiteProject>,
  listHash: () => string,
): Pages {
  const list = byId("list-page");
  const detail = byId("detail");
  const stats = byId("stats");
  const nav = { list: byId("nav-list"), stats: byId("nav-stats") };
  const baseTitle = document.title;
  let current: Route = { page: "list" };
  // Where the list was when left: its address and scroll position.
  let left = { hash: "", scroll: 0 };

  const reveal = (page: HTMLElement): void => revealPage(page, [list, detail, stats], nav);
  const focusHeading = (id: string, initial: boolean): void => {
    window.scrollTo(0, 0);
    if (!initial) document.getElementById(id)?.focus({ preventScroll: true });
  };

  const showList = (from: Route): void => {
    reveal(list);
    document.title = baseTitle;
    if (from.page === "list") return;
    // The same list as when left: back where the reader was (a changed one starts at the top).
    window.scrollTo(0, listHash() === left.hash ? left.scroll : 0);
    // Back from a project: focus its link in the list.
    if (from.page === "detail") {
      const link = list.querySelector<HTMLElement>(`a[data-slug="${CSS.escape(from.slug)}"]`);
      link?.focus({ preventScroll: true });
    }
  };

  return {
    show(route, initial) {
      const from = current;
      // popstate and hashchange both fire for one link: the second is a no-op.
      const same = JSON.stringify(from) === JSON.stringify(route);
      if (!initial && same && route.page !== "list") return;
      current = route;
      if (from.page === "list" && route.page !== "list") {
        left = { hash: listHash(), scroll: window.scrollY };
        // "Projects" leads back to the list as it was, filters included.
        nav.list.setAttribute("href", left.hash || "#");
      }
      if (route.page === "list") {
        showList(from);
      } else if (route.page === "detail") {
        const p = bySlug.get(route.slug) ?? null;
        reveal(detail); // first, so that its width can be measured
        detail.replaceChildren(renderDetail(p, ctx, left.hash, Math.min(880, detail.clientWidth)));
        document.title = `${p?.name ?? "No such project"} · ${baseTitle}`;
        focusHeading("detail-title", initial);
      } else {
        reveal(stats);
        stats.replaceChildren(renderStats(ctx.data, chartWidth(stats)));
        document.title = `Stats · ${baseTitle}`;
        focusHeading("stats-title", initial);
      }
    },
  };
}
