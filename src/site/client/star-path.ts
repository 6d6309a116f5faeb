/**
 * Star history as a step line: a count holds until the next point. Pure (no
 * DOM): decoding the embedded points, the SVG path, the spoken label; the
 * card's sparkline (sparkline.ts) and the detail chart (history-chart.ts)
 * draw with them.
 */
import { formatCount } from "../../core/format.js";
import type { SiteData } from "./data.js";

/** [day, stars]: day counted from the window's first day. */
export type StarPoint = [number, number];

/** SiteProject.history back to points (it is delta-coded). */
export function decodeHistory(coded: readonly number[] | null): StarPoint[] {
  const points: StarPoint[] = [];
  if (coded === null) return points;
  let day = 0;
  let stars = 0;
  for (let i = 0; i + 1 < coded.length; i += 2) {
    day += coded[i] as number;
    stars += coded[i + 1] as number;
    points.push([day, stars]);
  }
  return points;
}

/** Days from the window's first day to its last (90 with a full window). */
export function windowDays(data: Pick<SiteData, "historyStart" | "historyEnd">): number {
  if (data.historyStart === null || data.historyEnd === null) return 0;
  return Math.round((Date.parse(data.historyEnd) - Date.parse(data.historyStart)) / 86_400_000);
}

export interface Box {
  width: number;
  height: number;
  /** Space kept free on every side, so the line's stroke is never cut. */
  pad: number;
}

/** The lowest and highest count (a flat line gets a range of 1, drawn in the middle). */
export function range(points: readonly StarPoint[]): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const [, s] of points) {
    lo = Math.min(lo, s);
    hi = Math.max(hi, s);
  }
  return hi > lo ? [lo, hi] : [lo - 0.5, lo + 0.5];
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** The SVG path of the step line over `days` days, from the first point to the window's end. */
export function stepPath(points: readonly StarPoint[], days: number, box: Box): string {
  if (points.length === 0 || days <= 0) return "";
  const [lo, hi] = range(points);
  const x = (d: number) => round(box.pad + (d / days) * (box.width - 2 * box.pad));
  const y = (s: number) =>
    round(box.height - box.pad - ((s - lo) / (hi - lo)) * (box.height - 2 * box.pad));
  const [first, ...rest] = points as [StarPoint, ...StarPoint[]];
  const parts = [`M${x(first[0])} ${y(first[1])}`];
  for (const [d, s] of rest) parts.push(`H${x(d)}V${y(s)}`);
  parts.push(`H${x(days)}`);
  return parts.join("");
}

/** "Stars over 90 days: 1,200 → 1,234". */
export function sparkLabel(points: readonly StarPoint[], days: number): string {
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined) return "";
  return `Stars over ${days} days: ${formatCount(first[1])} → ${formatCount(last[1])}`;
}
