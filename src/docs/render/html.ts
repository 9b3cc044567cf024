import { Marked } from 'marked';

/** Small HTML helpers for the portal: escaping, markdown (rendered on the server), tables, code blocks. */
export const esc = (s: unknown): string =>
  String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const md = new Marked({ gfm: true, breaks: false });

/**
 * Markdown of the RAML documentation pages and descriptions. Headings are shifted so the page's
 * highest heading sits at `topLevel` (under the section that includes it), whichever level the
 * page starts at. The markdown is the project's own (raml/), not input.
 */
export function markdown(text: string, topLevel = 0): string {
  const html = md.parse(text ?? '', { async: false }) as string;
  const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
  if (!topLevel || !levels.length) return html;
  const offset = topLevel - Math.min(...levels);
  return html.replace(/<(\/?)h([1-6])(\s|>)/g, (_m, slash: string, level: string, after: string) => `<${slash}h${Math.max(1, Math.min(6, Number(level) + offset))}${after}`);
}

/** Inline markdown (a table cell, a one-line description). */
export const inlineMarkdown = (text: string): string => md.parseInline(text ?? '', { async: false }) as string;

export const slug = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** `rowIds`: anchors of the rows (the search links to an error code's or a header's row). */
export function table(head: string[], rows: string[][], cls = '', rowIds?: string[]): string {
  return `<div class="table-wrap"><table${cls ? ` class="${cls}"` : ''}><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r, i) => `<tr${rowIds?.[i] ? ` id="${esc(rowIds[i])}"` : ''}>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table></div>`;
}

/** A copyable block; `data-kind` lets tests and the page's script find the shell blocks, `data-lang` the language tabs. */
export function codeBlock(text: string, kind = 'shell', id?: string, opts: { lang?: string; hidden?: boolean } = {}): string {
  const attrs = `${id ? ` id="${esc(id)}"` : ''}${opts.lang ? ` data-lang="${esc(opts.lang)}"` : ''}${opts.hidden ? ' hidden' : ''}`;
  return `<div class="code"${attrs}><button type="button" class="copy" aria-label="Copy">Copy</button><pre data-kind="${esc(kind)}"><code>${esc(text)}</code></pre></div>`;
}

export const code = (s: unknown): string => `<code>${esc(s)}</code>`;

export const methodBadge = (method: string): string => `<span class="method method-${esc(method)}">${esc(method.toUpperCase())}</span>`;

export interface NavLink {
  href: string;
  label: string;
  children?: NavLink[];
}

function navList(links: NavLink[]): string {
  return `<ul>${links
    .map((l) => `<li><a href="${esc(l.href)}">${l.label}</a>${l.children?.length ? navList(l.children) : ''}</li>`)
    .join('')}</ul>`;
}

/** The page frame: only local assets (/docs/assets), no fonts or scripts from anywhere else. */
export function layout(opts: { title: string; nav: NavLink[]; body: string; search: string; scripts?: string[]; styles?: string[]; bodyAttrs?: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)}</title>
<link rel="icon" href="/docs/favicon.ico" sizes="32x32">
<link rel="icon" href="/docs/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/docs/assets/portal.css">
${(opts.styles ?? []).map((s) => `<link rel="stylesheet" href="${esc(s)}">`).join('\n')}
</head>
<body${opts.bodyAttrs ? ` ${opts.bodyAttrs}` : ''}>
<header class="top"><a class="brand" href="/docs">Bank API Gateway · Partner portal</a>
<div class="search" role="search"><input type="search" id="portal-search" placeholder="Search operations, fields, headers, error codes  ( / )" aria-label="Search the portal" autocomplete="off"><div id="search-results" hidden></div></div></header>
<div class="page">
<nav class="side" aria-label="On this page">${navList(opts.nav)}</nav>
<main>
${opts.body}
</main>
</div>
${[...(opts.scripts ?? []), '/docs/assets/minisearch.js', opts.search].map((s) => `<script src="${esc(s)}"></script>`).join('\n')}
<script src="/docs/assets/portal.js"></script>
</body>
</html>
`;
}
