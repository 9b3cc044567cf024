import MiniSearch from 'minisearch';
import type { DocApi } from '../model/contract-model';
import { searchDocuments, type SearchDocument } from './search-documents';

/**
 * The portal's search index, built once when the portal starts (MiniSearch) and shipped inside
 * every page as JSON: the browser loads it with the same options and searches without a request.
 */

/**
 * Words, and the parts of codes and dotted names: "GW-422-01" is found whole and by "422",
 * "xFerInfo.amt" by "amt". The same function runs in the browser (its source is sent with the page).
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const word of text.split(/[\s,;:()[\]{}"'`=|/<>*!?+]+/)) {
    if (!word) continue;
    out.push(word);
    if (/[-._]/.test(word)) for (const part of word.split(/[-._]+/)) if (part) out.push(part);
  }
  return out;
}

export const SEARCH_OPTIONS = {
  fields: ['title', 'text', 'where'],
  storeFields: ['kind', 'title', 'where', 'text', 'href'],
};

export interface PortalSearch {
  /** The index as JSON, safe inside a <script> element. */
  json: string;
  documents: SearchDocument[];
}

export function buildSearch(apis: DocApi[]): PortalSearch {
  const documents = searchDocuments(apis).map((d) => ({ ...d, text: d.text.length > 160 ? `${d.text.slice(0, 157)}…` : d.text }));
  const index = new MiniSearch<SearchDocument>({ ...SEARCH_OPTIONS, tokenize });
  index.addAll(documents);
  return { json: JSON.stringify(index).replace(/</g, '\\u003c'), documents };
}
