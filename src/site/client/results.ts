/**
 * The page's result list. Cards are built once per project and cached, and
 * only the first batch is rendered at once; more follow as the list scrolls
 * into view (or on "Show more"), so first render stays fast for thousands of
 * projects.
 */

import { plural } from "../../core/format.js";
import { renderCard } from "./cards.js";
import type { Indexed } from "./state.js";

const FIRST_BATCH = 48;
const BATCH = 96;

/**
 * The result list: a card is built once per project and cached; the first
 * batch is shown at once, more when "Show more" nears the viewport or is
 * clicked. Returns the function that shows a new list of results.
 */
export function resultList(
  list: HTMLUListElement,
  more: HTMLButtonElement,
  names: Map<string, string>,
): (results: Indexed[]) => void {
  const cards = new Map<number, HTMLLIElement>();
  let results: Indexed[] = [];
  let shown = 0;

  const cardFor = (e: Indexed): HTMLLIElement => {
    let card = cards.get(e.order);
    if (card === undefined) {
      card = renderCard(e.project, (id) => names.get(id) ?? id);
      cards.set(e.order, card);
    }
    return card;
  };

  // Loads the next batch when "Show more" comes near the viewport.
  const observer =
    typeof IntersectionObserver === "function"
      ? new IntersectionObserver(
          (entries) => {
            if (entries.some((e) => e.isIntersecting)) showMore(BATCH);
          },
          { rootMargin: "800px" },
        )
      : undefined;

  const showMore = (n: number): void => {
    const end = Math.min(results.length, shown + n);
    const fragment = document.createDocumentFragment();
    for (const e of results.slice(shown, end)) fragment.append(cardFor(e));
    list.append(fragment);
    shown = end;
    more.hidden = shown >= results.length;
    more.textContent = `Show more (${results.length - shown} more)`;
    // Re-observing makes the observer report again if the button is still in view.
    observer?.unobserve(more);
    if (!more.hidden) observer?.observe(more);
  };
  more.addEventListener("click", () => showMore(BATCH));

  return (next) => {
    results = next;
    shown = 0;
    list.replaceChildren();
    showMore(FIRST_BATCH);
  };
}

export function countText(matching: number, total: number): string {
  if (matching === 0) return "No projects match.";
  return matching === total
    ? plural(total, "project")
    : `${matching} of ${plural(total, "project")}`;
}
