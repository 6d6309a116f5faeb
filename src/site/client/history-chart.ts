/**
 * The detail view's star-history chart: the step line of the window's points
 * over an area, with the lowest and highest count and the first and last day
 * written on it. Inline SVG, no chart library.
 */
import { formatCount } from "../../core/format.js";
import type { SiteData } from "./data.js";
import { el, svgEl } from "./dom.js";
import { type Box, range, type StarPoint, stepPath } from "./star-path.js";

const HEIGHT = 200;
const PAD = 8;
/** Room on the left for the count labels, and below for the dates. */
const LEFT = 64;
const BOTTOM = 24;

function label(x: number, y: number, text: string, anchor: "start" | "end"): SVGTextElement {
  const t = svgEl("text", { x, y, "text-anchor": anchor, class: "chart-label" });
  t.textContent = text;
  return t;
}

/** The day `d` days after `start` (YYYY-MM-DD). */
export function dayAfter(start: string, d: number): string {
  return new Date(Date.parse(start) + d * 86_400_000).toISOString().slice(0, 10);
}

/** "Stars from 2026-08-22 to 2026-11-20: 1,200 → 1,234 (12 changes)". */
export function chartLabel(points: readonly StarPoint[], start: string, end: string): string {
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined) return "";
  const changes = points.length - 1;
  const from = dayAfter(start, first[0]);
  return `Stars from ${from} to ${end}: ${formatCount(first[1])} → ${formatCount(last[1])} (${changes} ${changes === 1 ? "change" : "changes"})`;
}

/** The chart in a figure, `width` pixels wide (so its text keeps its size), or null without points. */
export function starChart(
  points: readonly StarPoint[],
  days: number,
  data: Pick<SiteData, "historyStart" | "historyEnd">,
  width: number,
): HTMLElement | null {
  const CHART: Box = { width: Math.max(240, Math.round(width)), height: HEIGHT, pad: PAD };
  const { historyStart: start, historyEnd: end } = data;
  if (points.length === 0 || days <= 0 || start === null || end === null) return null;
  const figure = el("figure", "chart");
  const caption = el("figcaption", "", `Stars over the last ${days} days`);
  const svg = svgEl("svg", {
    viewBox: `0 0 ${CHART.width} ${CHART.height}`,
    width: CHART.width,
    height: CHART.height,
    class: "history-chart",
    role: "img",
    focusable: "false",
  });
  svg.setAttribute("aria-label", chartLabel(points, start, end));
  const plot: Box = { width: CHART.width - LEFT, height: CHART.height - BOTTOM, pad: CHART.pad };
  const line = stepPath(points, days, plot);
  const g = svgEl("g", { transform: `translate(${LEFT} 0)` });
  const bottom = plot.height - plot.pad;
  const first = points[0] as StarPoint;
  const x0 = plot.pad + (first[0] / days) * (plot.width - 2 * plot.pad);
  g.append(
    svgEl("path", { d: `${line}V${bottom}H${x0.toFixed(1)}Z`, class: "chart-area" }),
    svgEl("path", { d: line, class: "chart-line" }),
  );
  const [lo, hi] = range(points);
  const flat = hi - lo === 1 && !Number.isInteger(hi);
  svg.append(
    g,
    label(LEFT - 6, plot.pad + 10, formatCount(flat ? lo + 0.5 : hi), "end"),
    label(LEFT - 6, bottom, formatCount(flat ? lo + 0.5 : lo), "end"),
    label(LEFT + plot.pad, CHART.height - 6, start, "start"),
    label(CHART.width - plot.pad, CHART.height - 6, end, "end"),
  );
  figure.append(caption, svg);
  return figure;
}
