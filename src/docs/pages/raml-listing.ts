import type { DocApi } from '../model/contract-model';
import { ramlFilesOf } from '../raml/raml-files';
import { esc, layout } from '../render/html';

/** GET /docs/<api>/raml: every RAML file of the API and of the shared library, as published. */
export function ramlListing(api: DocApi, search: string): string {
  const files = ramlFilesOf(api.name);
  const body = `<h1>${esc(api.title)}: RAML 1.0</h1>
<p class="lead">The contract as published: <code>${esc(api.name)}/api.raml</code> with its types, traits, examples and documentation pages, and the shared library <code>common/</code>. Relative includes resolve from these URLs, or download everything as <a href="/docs/${esc(api.name)}/raml.zip">${esc(api.name)}-raml.zip</a>.</p>
<ul class="raml-files">${files.map((f) => `<li><a href="/docs/raml/${esc(f)}">${esc(f)}</a></li>`).join('')}</ul>`;
  return layout({
    search,
    title: `${api.title} RAML · Partner portal`,
    nav: [
      { href: '/docs', label: '← All APIs' },
      { href: `/docs/${api.name}`, label: esc(api.title) },
    ],
    body,
  });
}
