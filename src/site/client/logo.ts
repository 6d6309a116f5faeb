/**
 * A project's logo: the owner's GitHub avatar over its initials. The box has
 * a fixed size (so an image arriving never moves anything), the image loads
 * lazily and decodes off the main thread (so it never delays the first
 * render), and an image that fails to load is removed, uncovering the initials.
 */
import { safeAvatar } from "../../core/format.js";
import type { SiteProject } from "./data.js";
import { el } from "./dom.js";

/** One or two letters for a name: the first of its first two words ("Cloud Provider" → "CP"). */
export function initialsOf(name: string): string {
  const words = name.match(/[\p{L}\p{N}]+/gu) ?? [];
  const letters = words.slice(0, 2).map((w) => Array.from(w)[0] ?? "");
  return letters.join("").toUpperCase() || "?";
}

/** A stable colour slot (0-7) for a name, so a project keeps its colour from one build to the next. */
export function colourOf(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  return h % 8;
}

/** The logo box, `size` CSS pixels square (decorative: the name is always next to it). */
export function logo(p: SiteProject, size: number): HTMLSpanElement {
  const box = el("span", `logo logo-${size} logo-c${colourOf(p.name)}`, initialsOf(p.name));
  box.setAttribute("aria-hidden", "true");
  // Twice the CSS size, for sharp images on high-density screens.
  const src = safeAvatar(p.avatar, size * 2);
  if (src !== null) {
    const img = el("img");
    img.alt = "";
    img.width = size;
    img.height = size;
    img.loading = "lazy";
    img.decoding = "async";
    img.referrerPolicy = "no-referrer";
    img.addEventListener("error", () => img.remove(), { once: true });
    img.src = src;
    box.append(img);
  }
  return box;
}
