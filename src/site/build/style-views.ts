/**
 * Stylesheet rules for the logos, sparklines, the compact list, the detail
 * view and the stats (see style.ts for the palette and the cards).
 */
export const VIEW_STYLE = `
.logo {
  position: relative; flex: none; display: inline-flex; align-items: center; justify-content: center;
  overflow: hidden; border-radius: 8px; font-weight: 700; color: var(--text); vertical-align: middle;
}
.logo img { position: absolute; inset: 0; width: 100%; height: 100%; }
.logo-24 { width: 24px; height: 24px; font-size: .62rem; border-radius: 5px; }
.logo-40 { width: 40px; height: 40px; font-size: .95rem; }
.logo-64 { width: 64px; height: 64px; font-size: 1.4rem; border-radius: 12px; }
.logo-c0 { background: var(--l0); } .logo-c1 { background: var(--l1); }
.logo-c2 { background: var(--l2); } .logo-c3 { background: var(--l3); }
.logo-c4 { background: var(--l4); } .logo-c5 { background: var(--l5); }
.logo-c6 { background: var(--l6); } .logo-c7 { background: var(--l7); }
.spark { flex: none; width: 96px; height: 24px; }
.spark-line, .chart-line { fill: none; stroke: var(--accent); stroke-width: 1.5; stroke-linejoin: round; }
.chart-line { stroke-width: 2; }
.chart-area { fill: var(--accent); opacity: .14; }
.chart-label { fill: var(--muted); font-size: 12px; }
.chart-value { fill: var(--text); font-size: 12px; }
.chart-bar { fill: var(--accent); }
table.dense { width: 100%; border-collapse: collapse; font-size: .9rem; background: var(--card); }
table.dense[hidden] { display: none; }
.dense th, .dense td { padding: .3rem .5rem; border-bottom: 1px solid var(--line); text-align: left; }
.dense thead th { font-size: .8rem; color: var(--muted); position: sticky; top: 0; background: var(--card); }
.dense .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.dense .row-name { font-weight: 600; overflow-wrap: anywhere; }
.dense .row-name .logo { margin-right: .5rem; }
.dense .row-name a { text-underline-offset: .15em; }
.dense .badge { font-weight: 700; }
.detail { max-width: 56rem; }
.detail-head { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem .9rem; margin: .5rem 0; }
.detail-title { margin: 0; font-size: 1.8rem; overflow-wrap: anywhere; }
.detail-tagline { font-size: 1.05rem; overflow-wrap: anywhere; }
.back { font-weight: 600; }
figure { margin: 0; }
.chart { margin: 1rem 0; }
.chart figcaption { font-weight: 600; margin-bottom: .25rem; }
svg.history-chart, svg.chart-bars, svg.chart-columns { display: block; max-width: 100%; height: auto; }
dl.fields { display: grid; grid-template-columns: minmax(8rem, 12rem) 1fr; gap: .35rem 1rem; margin: 1rem 0; }
dl.fields dt { font-weight: 600; color: var(--muted); }
dl.fields dd { margin: 0; overflow-wrap: anywhere; }
.stats h3 { margin: 1.25rem 0 .4rem; font-size: 1.1rem; }
.stats-grid { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 2rem; }
.stat-note { color: var(--muted); font-size: .85rem; margin: .25rem 0 0; }
@media (min-width: 60rem) { .stats-grid { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
@media (max-width: 40rem) {
  .dense .opt { display: none; }
  dl.fields { grid-template-columns: 1fr; }
  dl.fields dd { margin-bottom: .4rem; }
}
`;
