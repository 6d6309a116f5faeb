/**
 * DOM building blocks shared by the views. Untrusted text only ever goes in
 * through `textContent`, attribute values through `setAttribute`/`dataset`,
 * and links only through `safeHttps`: never as parsed markup.
 */
import { formatCount, safeHttps } from "../../core/format.js";
import type { Badge } from "./badges.js";
import { detailHash } from "./state.js";

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = "",
  text = "",
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== "") node.className = className;
  if (text !== "") node.textContent = text;
  return node;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element with numeric or fixed attributes (never untrusted text: that goes in with textContent). */
export function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/** A link when the URL is https, else the bare text (a hostile URL renders no link at all). */
export function linkOrText(url: string | null, text: string, className = ""): HTMLElement {
  const href = safeHttps(url);
  if (href === null) return el("span", className, text);
  const a = el("a", className, text);
  a.href = href;
  return a;
}

/** A link to a project's detail view, within the page. */
export function detailLink(slug: string, text: string, className = ""): HTMLAnchorElement {
  const a = el("a", className, text);
  a.href = detailHash(slug);
  a.dataset.slug = slug;
  return a;
}

/** A visually hidden prefix, so "★ 1.2k" reads as "Stars: 1.2k" to a screen reader. */
export function fact(label: string, text: string, title = ""): HTMLLIElement {
  const li = el("li", "fact");
  li.append(el("span", "sr-only", `${label}: `), text);
  if (title !== "") li.title = title;
  return li;
}

export function badgeEl(b: Badge): HTMLSpanElement {
  const badge = el("span", `badge badge-${b.kind}`, b.label);
  badge.title = b.title;
  return badge;
}

/** "12,700 stars" for a title; "" when unknown. */
export function starsTitle(stars: number | null): string {
  return stars === null ? "" : `${formatCount(stars)} stars`;
}
