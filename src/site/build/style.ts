/**
 * The page's stylesheet, inlined into index.html. System fonts, CSS variables
 * for the light and dark palettes (prefers-color-scheme), a grid of compact
 * cards that collapses to one column on a phone, and visible focus rings.
 * The other views' rules are in style-views.ts.
 */
import { VIEW_STYLE } from "./style-views.js";

const BASE_STYLE = `
:root {
  color-scheme: light dark;
  --bg: #f6f7f9; --card: #ffffff; --text: #1c2230; --muted: #535c6d; --line: #dde1e8;
  --accent: #0b5fcc; --chip: #eef2f8; --focus: #f59e0b; --note-bg: #eef4ff;
  --archived: #6b4e00; --archived-bg: #fff2c2; --moved: #0f4c81; --moved-bg: #dceeff;
  --missing: #8a1c1c; --missing-bg: #ffe0e0; --stale: #4b4b4b; --stale-bg: #e8e8e8;
  --l0: #dbe7fb; --l1: #dcf3e4; --l2: #fde7d3; --l3: #ecdffb; --l4: #fbe0ea; --l5: #d9f1f4;
  --l6: #eee9d4; --l7: #e3e6ec;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1217; --card: #171b22; --text: #e6e9ef; --muted: #a3acbb; --line: #2a303b;
    --accent: #7cb4ff; --chip: #222834; --focus: #fbbf24; --note-bg: #1b2638;
    --archived: #ffd97a; --archived-bg: #3d3210; --moved: #9fd0ff; --moved-bg: #13314f;
    --missing: #ffb3b3; --missing-bg: #4a1818; --stale: #d0d0d0; --stale-bg: #333840;
    --l0: #1f3357; --l1: #1d3b2a; --l2: #45301c; --l3: #34264d; --l4: #4a2232; --l5: #173a40;
    --l6: #3b3620; --l7: #2b303a;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
}
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 4px; }
.sr-only {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.wrap { max-width: 80rem; margin: 0 auto; padding: 0 1rem; }
header.site { padding-top: 1rem; }
.masthead { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem 1.5rem; }
header.site h1 { margin: 0; font-size: 1.6rem; letter-spacing: -.01em; }
header.site nav { display: flex; gap: 1rem; }
header.site nav a { font-weight: 600; text-decoration: none; padding: .2rem 0; }
header.site nav a[aria-current="page"] { color: var(--text); border-bottom: 2px solid var(--accent); }
header.site p { margin: .15rem 0; color: var(--muted); }
form.controls {
  display: grid; gap: .5rem .75rem; align-items: end; padding: .75rem 0;
  /* Track sizes that depend on nothing inside: the menus' options arrive after the first paint,
     and a big page may be painted before the parser reached the last field (an auto track
     still empty then would take its width from the others when it arrives). */
  grid-template-columns: minmax(0, 2fr) repeat(5, minmax(0, 1fr)) 5.5rem;
}
.field { display: flex; flex-direction: column; gap: .15rem; min-width: 0; }
.field label { font-size: .8rem; font-weight: 600; color: var(--muted); }
input, select, button { font: inherit; color: inherit; }
input[type="search"], select {
  width: 100%; min-height: 2.4rem; padding: .35rem .5rem;
  background: var(--card); border: 1px solid var(--line); border-radius: 8px;
}
button {
  min-height: 2.4rem; padding: .35rem .9rem; cursor: pointer;
  background: var(--chip); border: 1px solid var(--line); border-radius: 8px;
}
button:hover { border-color: var(--accent); }
/* The footer starts below the fold and the count line has its height before the script fills
   them: a page painted before its script has run does not move when the cards come (CLS 0). */
main.wrap { min-height: 100vh; }
#count { margin: 0 0 .6rem; min-height: 1.45em; color: var(--muted); font-weight: 600; }
ul.cards {
  list-style: none; margin: 0; padding: 0; display: grid; gap: .75rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 17.5rem), 1fr));
}
/* No content-visibility: auto here. Its placeholder size, replaced by the real one after the
   first frame, moved the layout (CLS); cards are rendered in batches of 48 instead. */
.card article {
  height: 100%; display: flex; flex-direction: column; gap: .4rem; padding: .75rem;
  background: var(--card); border: 1px solid var(--line); border-radius: 10px;
}
.card-head { display: flex; align-items: center; gap: .6rem; min-width: 0; }
.card-id { flex: 1; min-width: 0; }
.card-names { display: flex; flex-wrap: wrap; align-items: center; gap: .15rem .35rem; }
.card-id ul.facts { font-size: .8rem; }
.card-title { margin: 0; font-size: 1.05rem; line-height: 1.25; overflow-wrap: anywhere; }
.card-title a { text-decoration: none; }
.card-title a:hover { text-decoration: underline; }
.badge {
  font-size: .68rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em;
  padding: .05rem .4rem; border-radius: 999px; white-space: nowrap;
}
.badge-archived, .badge-deprecated { color: var(--archived); background: var(--archived-bg); }
.badge-inactive, .badge-old { color: var(--stale); background: var(--stale-bg); }
.badge-feature-complete, .badge-moved { color: var(--moved); background: var(--moved-bg); }
.badge-missing { color: var(--missing); background: var(--missing-bg); }
.badge-stale { color: var(--stale); background: var(--stale-bg); }
.badge-note { color: var(--text); background: var(--note-bg); text-transform: none; letter-spacing: 0; white-space: normal; }
.note {
  margin: 0; padding: .15rem .5rem; font-size: .85rem; background: var(--note-bg);
  border-left: 3px solid var(--accent); border-radius: 4px; overflow-wrap: anywhere;
}
.note-label { font-weight: 700; }
.tagline {
  margin: 0; font-size: .92rem; overflow-wrap: anywhere; overflow: hidden;
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; line-clamp: 3;
}
.tagline.none { color: var(--muted); font-style: italic; }
ul.facts, ul.chips {
  list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .15rem .75rem;
}
ul.facts { font-size: .84rem; color: var(--muted); }
.card-id ul.facts li:first-child { color: var(--text); font-weight: 600; }
ul.chips { gap: .3rem; }
.card-foot {
  margin-top: auto; display: flex; flex-wrap: wrap; align-items: center; gap: .3rem .75rem;
}
.card-foot .links { margin-left: auto; }
.chip {
  min-height: 1.75rem; padding: .05rem .5rem; font-size: .8rem; border-radius: 999px;
  overflow-wrap: anywhere; text-align: left;
}
.chip-category { font-weight: 600; }
a.chip-more { display: inline-flex; align-items: center; text-decoration: none; background: var(--chip); border: 1px solid var(--line); }
.links { margin: 0; display: flex; gap: 1rem; font-size: .86rem; }
#more { display: block; margin: 1.5rem auto; }
#more[hidden] { display: none; }
footer.site { padding-top: 2rem; padding-bottom: 2rem; color: var(--muted); font-size: .9rem; }
@media (max-width: 72rem) {
  form.controls { grid-template-columns: repeat(3, minmax(0, 1fr)); }
  form.controls .field-search { grid-column: 1 / -1; }
}
@media (max-width: 40rem) {
  form.controls { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  header.site h1 { font-size: 1.4rem; }
}
@media (prefers-reduced-motion: no-preference) { html { scroll-behavior: smooth; } }
`;

export const STYLE = BASE_STYLE + VIEW_STYLE;
