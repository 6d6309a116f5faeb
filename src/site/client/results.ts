/**
 * A result list (the cards or the compact list's rows). Each item is built
 * once per project and cached, and only the first batch is rendered at once;
 * more follow as the list scrolls into view (or on "Show more"), so first
 * render stays fast for thousands of projects.
 */

import { formatCount, plural } from "../../core/format.js";
import type { Indexed } from "./select.js";
import { FIRST_BATCH } from "./state.js";

const BATCH = 48;

export interface ResultList {
  /** Shows a new list of results from the first batch on. */
  show(results: readonly Indexed[]): void;
  /** Empties the container (another layout is shown). */
  clear(): void;
}

/**
 * The result list in `container`, its items built by `build`; `more` is the
 * "Show more" button (shared by every list: only one is shown at a time).
 * `built` holds items made already (the preview's cards, by position in the
 * directory): they are reused, so the first render changes nothing on screen.
 */
export function resultList(
  container: HTMLElement,
  more: HTMLButtonElement,
  build: (e: Indexed) => HTMLElement,
  built: ReadonlyMap<number, HTMLElement> = new Map(),
): ResultList {
  const items = new Map<number, HTMLElement>(built);
  let results: readonly Indexed[] = [];
  let shown = 0;
  let active = false;

  const itemFor = (e: Indexed): HTMLElement => {
    let item = items.get(e.order);
    if (item === undefined) {
      item = build(e);
      items.set(e.order, item);
    }
    return item;
  };

  // Loads the next batch when "Show more" comes within two screens below the viewport: early
  // enough that the cards go in while it is still out of sight, so nothing in view moves.
  const observer =
    typeof IntersectionObserver === "function"
      ? new IntersectionObserver(
          (entries) => {
            if (active && entries.some((e) => e.isIntersecting)) showMore(BATCH);
          },
          { rootMargin: "0px 0px 1600px 0px" },
        )
      : undefined;

  const showMore = (n: number): void => {
    const end = Math.min(results.length, shown + n);
    const fragment = document.createDocumentFragment();
    for (let i = shown; i < end; i++) fragment.append(itemFor(results[i] as Indexed));
    container.append(fragment);
    shown = end;
    more.hidden = shown >= results.length;
    more.textContent = `Show more (${results.length - shown} more)`;
    // Re-observing makes the observer report again if the button is still in view.
    observer?.unobserve(more);
    if (!more.hidden) observer?.observe(more);
  };
  more.addEventListener("click", () => {
    if (active) showMore(BATCH);
  });

  return {
    show(next) {
      active = true;
      results = next;
      shown = 0;
      container.replaceChildren();
      showMore(FIRST_BATCH);
    },
    clear() {
      active = false;
      results = [];
      shown = 0;
      container.replaceChildren();
    },
  };
}

export function countText(matching: number, total: number): string {
  if (matching === 0) return "No projects match.";
  return matching === total
    ? plural(total, "project")
    : `${formatCount(matching)} of ${plural(total, "project")}`;
}
