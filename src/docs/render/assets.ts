import { COPY_AND_TABS_JS } from './scripts/copy-and-tabs';
import { REFERENCE_JS } from './scripts/reference';
import { SEARCH_JS } from './scripts/search';

/**
 * The portal's own stylesheet and script, kept as strings so they ship inside dist/ (the runtime
 * image has no src/). Swagger UI's and MiniSearch's files are served from their packages.
 */
export const PORTAL_CSS = `
:root { --ink:#1d2733; --muted:#5b6b7c; --line:#dde3ea; --bg:#f6f8fa; --accent:#0b5cad; --ok:#1a7f37; --warn:#9a6700; }
* { box-sizing: border-box; }
body { margin:0; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
header.top { background: #0f2a44; color: #fff; padding: 10px 24px; position: sticky; top: 0; z-index: 10; }
header.top .brand { color: #fff; font-weight: 600; letter-spacing: .2px; }
.page { display: flex; align-items: flex-start; }
nav.side { width: 270px; flex: none; position: sticky; top: 44px; max-height: calc(100vh - 44px); overflow: auto; padding: 16px 12px 40px 20px; border-right: 1px solid var(--line); background: var(--bg); font-size: 14px; }
nav.side ul { list-style: none; margin: 0; padding-left: 0; } nav.side ul ul { padding-left: 14px; font-size: 13px; }
nav.side li { margin: 3px 0; }
main { flex: 1; min-width: 0; padding: 8px 40px 80px; max-width: 1180px; }
h1 { font-size: 30px; margin: 18px 0 6px; } h2 { font-size: 23px; margin-top: 44px; padding-top: 12px; border-top: 1px solid var(--line); }
h3 { font-size: 18px; margin-top: 30px; } h4 { font-size: 15px; margin: 20px 0 6px; }
.lead { font-size: 17px; color: var(--muted); }
code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #eef1f5; padding: 1px 4px; border-radius: 3px; }
.code { position: relative; margin: 8px 0 16px; }
.code pre { background: #0f1720; color: #e6edf3; padding: 14px 16px; border-radius: 6px; overflow: auto; margin: 0; }
.code pre code { background: none; color: inherit; padding: 0; white-space: pre; }
.code button.copy { position: absolute; right: 8px; top: 8px; font-size: 12px; padding: 3px 8px; border: 1px solid #3b4754; background: #1b2530; color: #cfd8e3; border-radius: 4px; cursor: pointer; }
.table-wrap { overflow-x: auto; margin: 8px 0 16px; }
table { border-collapse: collapse; font-size: 14px; } th, td { border: 1px solid var(--line); padding: 5px 9px; text-align: left; vertical-align: top; }
th { background: var(--bg); } table.matrix td, table.matrix th { font-size: 12.5px; padding: 3px 6px; white-space: nowrap; }
.method { display: inline-block; min-width: 52px; text-align: center; font: 600 12px/20px ui-monospace, monospace; color: #fff; border-radius: 3px; padding: 0 6px; margin-right: 6px; }
.method-get { background: #1f6feb; } .method-post { background: #1a7f37; } .method-put { background: #9a6700; } .method-delete { background: #cf222e; } .method-patch { background: #8250df; }
.op { border: 1px solid var(--line); border-radius: 8px; padding: 4px 20px 12px; margin: 22px 0; }
.op h3 { margin-top: 14px; } .op .path { font: 15px ui-monospace, monospace; }
.facts { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0 10px; padding: 0; list-style: none; }
.facts li { background: var(--bg); border: 1px solid var(--line); border-radius: 12px; padding: 1px 10px; font-size: 13px; }
.facts li.money { border-color: #d4a72c; background: #fff8c5; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 16px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 6px 18px 14px; }
.note { border-left: 4px solid var(--accent); background: #eef5fc; padding: 8px 14px; margin: 12px 0; }
.warn { border-left-color: var(--warn); background: #fff8e6; }
details > summary { cursor: pointer; color: var(--accent); margin: 6px 0; }
ol.flow > li { margin: 6px 0; }
.example-tabs .tabs { display: flex; gap: 2px; margin: 8px 0 0; }
.example-tabs .tab { border: 1px solid var(--line); border-bottom: none; background: var(--bg); color: var(--muted); padding: 3px 12px; border-radius: 6px 6px 0 0; cursor: pointer; font-size: 13px; }
.example-tabs .tab[aria-selected="true"] { background: #0f1720; color: #e6edf3; border-color: #0f1720; }
.example-tabs .code { margin-top: 0; } .example-tabs .code pre { border-top-left-radius: 0; }
header.top { display: flex; align-items: center; gap: 24px; }
.search { position: relative; flex: 1; max-width: 520px; }
.search input { width: 100%; padding: 5px 10px; border-radius: 5px; border: 1px solid #36506b; background: #183a5c; color: #fff; font-size: 14px; }
.search input::placeholder { color: #b8c7d6; }
#search-results { position: absolute; top: 34px; left: 0; right: 0; max-height: 70vh; overflow: auto; background: #fff; color: var(--ink); border: 1px solid var(--line); border-radius: 6px; box-shadow: 0 8px 24px rgba(0,0,0,.18); z-index: 20; }
#search-results a.hit { display: block; padding: 6px 12px; border-bottom: 1px solid var(--line); color: var(--ink); }
#search-results a.hit:hover, #search-results a.hit:focus { background: var(--bg); text-decoration: none; }
#search-results .kind { display: inline-block; min-width: 64px; font-size: 11px; text-transform: uppercase; color: var(--muted); }
#search-results .where { color: var(--muted); font-size: 12.5px; margin-left: 6px; }
#search-results .desc { display: block; font-size: 12.5px; color: var(--muted); margin-left: 64px; }
#search-results p.none { padding: 8px 12px; margin: 0; color: var(--muted); }
figure.sequence { margin: 10px 0 14px; overflow-x: auto; } figure.sequence img { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
figure.sequence figcaption { font-size: 13px; color: var(--muted); margin-top: 4px; }
/* anchors land below the sticky header */
[id] { scroll-margin-top: 56px; }
tr:target td { background: #fff8c5; }
#reference { border-top: 1px solid var(--line); margin-top: 20px; }
@media (max-width: 900px) { nav.side { display: none; } main { padding: 8px 16px; } }
`;

export const PORTAL_JS = [COPY_AND_TABS_JS, SEARCH_JS, REFERENCE_JS].join('\n');
