/**
 * The stats view (`#/stats`): projects per category, languages, licences,
 * the distribution of stars, the share archived, inactive or marked by a
 * curator, and the repositories by creation year, each as an inline SVG
 * chart with a text equivalent.
 */
import { formatCount, plural } from "../../core/format.js";
import { barChart, columnChart } from "./charts.js";
import type { SiteData } from "./data.js";
import { el } from "./dom.js";
import {
  byField,
  creationYears,
  maintenanceRows,
  perCategory,
  percent,
  starBuckets,
} from "./stats-data.js";

function section(title: string, chart: SVGSVGElement, note = ""): HTMLElement {
  const s = el("section", "stat");
  const figure = el("figure");
  figure.append(chart);
  s.append(el("h3", "", title), figure);
  if (note !== "") s.append(el("p", "stat-note", note));
  return s;
}

/** The stats view's content, its charts `width` pixels wide. */
export function renderStats(data: SiteData, width: number): DocumentFragment {
  const w = Math.max(260, Math.floor(width));
  const projects = data.projects;
  const total = projects.length;
  const withGithub = projects.filter((p) => p.stars !== null).length;
  const out = document.createDocumentFragment();
  const title = el("h2", "", "Stats");
  title.id = "stats-title";
  title.tabIndex = -1;
  out.append(
    title,
    el("p", "", `${plural(total, "project")}, ${formatCount(withGithub)} with GitHub data.`),
  );
  const grid = el("div", "stats-grid");
  const maintenance = maintenanceRows(projects);
  grid.append(
    section(
      "Projects per category",
      barChart("Projects per category", perCategory(data), w),
      "A project in several categories counts in each.",
    ),
    section(
      "Languages",
      barChart(
        "Languages",
        byField(projects, (p) => p.language, "Unknown"),
        w,
      ),
    ),
    section(
      "Licences",
      barChart(
        "Licences",
        byField(projects, (p) => p.license, "None or unknown"),
        w,
      ),
    ),
    section("Projects by stars", columnChart("Projects by stars", starBuckets(projects), w)),
    section(
      "Maintenance",
      barChart("Maintenance", maintenance, w, (r) => ` (${percent(r[1], total)})`),
      `Shares of all ${plural(total, "project")}. Inactive: no push for the configured time; a curator's mark counts under its status too.`,
    ),
    section(
      "Repositories by creation year",
      columnChart("Repositories by creation year", creationYears(projects), w),
      "Entries carry no date of addition to the directory: this is the year each GitHub repository was created.",
    ),
  );
  out.append(grid);
  return out;
}
