/**
 * The page's stylesheet, inlined into index.html. System fonts, CSS variables
 * for the light and dark palettes (prefers-color-scheme), a card grid that
 * collapses to one column on a phone, and visible focus rings.
 */
export const STYLE = `
:root {
  color-scheme: light dark;
  --bg: #f6f7f9; --card: #ffffff; --text: #1c2230; --muted: #5b6475; --line: #dde1e8;
  --accent: #0b5fcc; --chip: #eef2f8; --focus: #f59e0b;
  --archived: #6b4e00; --archived-bg: #fff2c2; --moved: #0f4c81; --moved-bg: #dceeff;
  --missing: #8a1c1c; --missing-bg: #ffe0e0; --stale: #4b4b4b; --stale-bg: #e8e8e8;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1217; --card: #171b22; --text: #e6e9ef; --muted: #9aa3b2; --line: #2a303b;
    --accent: #7cb4ff; --chip: #222834; --focus: #fbbf24;
    --archived: #ffd97a; --archived-bg: #3d3210; --moved: #9fd0ff; --moved-bg: #13314f;
    --missing: #ffb3b3; --missing-bg: #4a1818; --stale: #d0d0d0; --stale-bg: #333840;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
}
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 4px; }
.sr-only {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.wrap { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
header.site { padding-top: 1.5rem; padding-bottom: .5rem; }
header.site h1 { margin: 0; font-size: 1.75rem; letter-spacing: -.01em; }
header.site p { margin: .25rem 0; color: var(--muted); }
form.controls {
  display: grid; gap: .75rem; align-items: end; padding: 1rem 0;
  grid-template-columns: minmax(12rem, 2fr) repeat(3, minmax(9rem, 1fr)) auto;
}
.field { display: flex; flex-direction: column; gap: .25rem; min-width: 0; }
.field label { font-size: .85rem; font-weight: 600; color: var(--muted); }
input, select, button { font: inherit; color: inherit; }
input[type="search"], select {
  width: 100%; min-height: 2.5rem; padding: .4rem .6rem;
  background: var(--card); border: 1px solid var(--line); border-radius: 8px;
}
button {
  min-height: 2.5rem; padding: .4rem .9rem; cursor: pointer;
  background: var(--chip); border: 1px solid var(--line); border-radius: 8px;
}
button:hover { border-color: var(--accent); }
#count { margin: 0 0 .75rem; color: var(--muted); font-weight: 600; }
ul.cards {
  list-style: none; margin: 0; padding: 0; display: grid; gap: 1rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
}
/* Off-screen cards skip layout and paint until they scroll near. */
.card { content-visibility: auto; contain-intrinsic-size: auto 14rem; }
.card article {
  height: 100%; display: flex; flex-direction: column; gap: .5rem; padding: 1rem;
  background: var(--card); border: 1px solid var(--line); border-radius: 12px;
}
.card-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: .4rem; }
.card-title { margin: 0 auto 0 0; font-size: 1.15rem; overflow-wrap: anywhere; }
.card-title a { text-decoration: none; }
.card-title a:hover { text-decoration: underline; }
.badge {
  font-size: .72rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em;
  padding: .05rem .45rem; border-radius: 999px;
}
.badge-archived { color: var(--archived); background: var(--archived-bg); }
.badge-moved { color: var(--moved); background: var(--moved-bg); }
.badge-missing { color: var(--missing); background: var(--missing-bg); }
.badge-stale { color: var(--stale); background: var(--stale-bg); }
.tagline { margin: 0; overflow-wrap: anywhere; }
.tagline.none { color: var(--muted); font-style: italic; }
ul.facts, ul.chips {
  list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem .9rem;
}
ul.facts { font-size: .88rem; color: var(--muted); }
ul.facts li:first-child { color: var(--text); font-weight: 600; }
ul.chips { gap: .35rem; margin-top: auto; }
.chip {
  min-height: 1.9rem; padding: .1rem .6rem; font-size: .82rem; border-radius: 999px;
  overflow-wrap: anywhere; text-align: left;
}
.chip-category { font-weight: 600; }
.links { margin: 0; display: flex; gap: 1rem; font-size: .9rem; }
#more { display: block; margin: 1.5rem auto; }
#more[hidden] { display: none; }
footer.site { padding-top: 2rem; padding-bottom: 2rem; color: var(--muted); font-size: .9rem; }
@media (max-width: 48rem) {
  form.controls { grid-template-columns: 1fr 1fr; }
  form.controls .field-search { grid-column: 1 / -1; }
  header.site h1 { font-size: 1.5rem; }
}
@media (prefers-reduced-motion: no-preference) { html { scroll-behavior: smooth; } }
`;
