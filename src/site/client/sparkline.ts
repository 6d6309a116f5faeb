/**
 * The small inline-SVG star sparkline on a card (the last 90 days, a step
 * line; see star-path.ts).
 */
import type { SiteProject } from "./data.js";
import { svgEl } from "./dom.js";
import { type Box, decodeHistory, sparkLabel, stepPath } from "./star-path.js";

const SPARK: Box = { width: 96, height: 24, pad: 2 };

/** A card's sparkline, or null when the project has no history. */
export function sparkline(p: SiteProject, days: number): SVGSVGElement | null {
  const points = decodeHistory(p.history);
  if (points.length === 0 || days <= 0) return null;
  const svg = svgEl("svg", {
    class: "spark",
    viewBox: `0 0 ${SPARK.width} ${SPARK.height}`,
    width: SPARK.width,
    height: SPARK.height,
    role: "img",
    focusable: "false",
  });
  svg.setAttribute("aria-label", sparkLabel(points, days));
  svg.append(svgEl("path", { d: stepPath(points, days, SPARK), class: "spark-line" }));
  return svg;
}
