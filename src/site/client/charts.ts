/**
 * The stats view's charts as inline SVG: horizontal bars (a label, a bar, its
 * count) and columns (for ordered buckets such as years). Drawn at the
 * container's pixel width, so text keeps its size on a phone. Labels are
 * untrusted text (category names): they go in through textContent.
 */
import { formatCount } from "../../core/format.js";
import { svgEl } from "./dom.js";
import type { Row } from "./stats-data.js";

const ROW = 22;
const BAR = 14;

/** Shortens a label to `max` characters, with an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

function text(x: number, y: number, value: string, className: string, anchor = "start") {
  const t = svgEl("text", { x, y, class: className, "text-anchor": anchor });
  t.textContent = value;
  return t;
}

/** What a screen reader hears: the title, then every row. */
export function describe(title: string, rows: readonly Row[], suffix = (_: Row) => ""): string {
  return `${title}: ${rows.map((r) => `${r[0]} ${formatCount(r[1])}${suffix(r)}`).join(", ")}`;
}

/** Horizontal bars, one row per entry; `extra` is written after each count (e.g. a share). */
export function barChart(
  title: string,
  rows: readonly Row[],
  width: number,
  extra = (_: Row) => "",
): SVGSVGElement {
  const labelWidth = Math.min(200, Math.round(width * 0.38));
  const max = Math.max(1, ...rows.map((r) => r[1]));
  const barSpace = width - labelWidth - 90;
  const svg = svgEl("svg", {
    viewBox: `0 0 ${width} ${rows.length * ROW + 4}`,
    width,
    height: rows.length * ROW + 4,
    class: "chart-bars",
    role: "img",
    focusable: "false",
  });
  svg.setAttribute("aria-label", describe(title, rows, extra));
  rows.forEach((row, i) => {
    const y = i * ROW + 2;
    const w = Math.max(row[1] > 0 ? 2 : 0, (row[1] / max) * barSpace);
    svg.append(
      text(
        labelWidth - 6,
        y + BAR - 2,
        clip(row[0], Math.floor(labelWidth / 7)),
        "chart-label",
        "end",
      ),
      svgEl("rect", {
        x: labelWidth,
        y,
        width: w.toFixed(1),
        height: BAR,
        rx: 2,
        class: "chart-bar",
      }),
      text(labelWidth + w + 4, y + BAR - 2, `${formatCount(row[1])}${extra(row)}`, "chart-value"),
    );
  });
  return svg;
}

/** Vertical columns in the rows' order, the label under each (every few when they are many). */
export function columnChart(title: string, rows: readonly Row[], width: number): SVGSVGElement {
  const height = 180;
  const bottom = 20;
  const top = 16;
  const max = Math.max(1, ...rows.map((r) => r[1]));
  const step = width / Math.max(1, rows.length);
  // Label every n-th column so the labels (about 40 px each) do not overlap.
  const every = Math.max(1, Math.ceil(44 / step));
  const svg = svgEl("svg", {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    class: "chart-columns",
    role: "img",
    focusable: "false",
  });
  svg.setAttribute("aria-label", describe(title, rows));
  rows.forEach((row, i) => {
    const h = (row[1] / max) * (height - bottom - top);
    const x = i * step + step * 0.15;
    const w = Math.max(1, step * 0.7);
    svg.append(
      svgEl("rect", {
        x: x.toFixed(1),
        y: (height - bottom - h).toFixed(1),
        width: w.toFixed(1),
        height: h.toFixed(1),
        class: "chart-bar",
      }),
    );
    if (step >= 28 && row[1] > 0) {
      svg.append(
        text(x + w / 2, height - bottom - h - 3, formatCount(row[1]), "chart-value", "middle"),
      );
    }
    if (i % every === 0) {
      svg.append(text(x + w / 2, height - 5, clip(row[0], 8), "chart-label", "middle"));
    }
  });
  return svg;
}
