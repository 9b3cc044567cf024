import crypto from 'node:crypto';
import path from 'node:path';
import type { DocApi } from '../model/contract-model';
import { buildSearch, SEARCH_OPTIONS, tokenize } from './search-index';

/**
 * The index as a script the pages load like their other assets: window.PORTAL_SEARCH with the
 * MiniSearch index, its options and the tokenizer's source. Its URL carries a hash of its content,
 * so a browser keeps it as long as the contracts do not change.
 */
export interface SearchAsset {
  /** /docs/assets/search-index.<hash>.js */
  src: string;
  body: string;
  documents: number;
}

export const MINISEARCH_FILE = path.join(path.dirname(require.resolve('minisearch')), '..', 'umd', 'index.js');

export function buildSearchAsset(apis: DocApi[]): SearchAsset {
  const search = buildSearch(apis);
  const body = `window.PORTAL_SEARCH = { index: ${search.json}, fields: ${JSON.stringify(SEARCH_OPTIONS.fields)}, storeFields: ${JSON.stringify(SEARCH_OPTIONS.storeFields)}, tokenize: ${tokenize.toString()} };\n`;
  const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 16);
  return { src: `/docs/assets/search-index.${hash}.js`, body, documents: search.documents.length };
}
