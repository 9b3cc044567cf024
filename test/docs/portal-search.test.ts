import vm from 'node:vm';
import request from 'supertest';
import type MiniSearch from 'minisearch';
import { startGateway, type TestGateway } from '../helpers/gateway';
import { GATEWAY_ERRORS } from '../../src/errors/catalog';

/**
 * The portal's search: an index built when the portal starts, shipped as a script the pages load,
 * searched in the browser with no request. Here the served script is evaluated as a browser would
 * (with the served MiniSearch), and every result's link must land on an element of its page.
 */
interface Hit {
  kind: string;
  title: string;
  where: string;
  href: string;
}

describe('portal search', () => {
  let t: TestGateway;
  let search: (q: string) => Hit[];
  let documents: Hit[];
  beforeAll(async () => {
    t = await startGateway();
    const html = (await request(t.app).get('/docs/facilito')).text;
    const src = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(src).toEqual(expect.arrayContaining(['/docs/assets/minisearch.js']));
    const indexSrc = src.find((s) => /^\/docs\/assets\/search-index\.[0-9a-f]{16}\.js$/.test(s))!;
    const window: Record<string, any> = {};
    const sandbox = vm.createContext({ window });
    vm.runInContext((await request(t.app).get('/docs/assets/minisearch.js')).text, vm.createContext({ window, self: window, globalThis: window }));
    const asset = await request(t.app).get(indexSrc);
    expect(asset.headers['cache-control']).toContain('immutable');
    vm.runInContext(asset.text, sandbox);
    const S = window.PORTAL_SEARCH;
    // the browser build of MiniSearch, as the page loads it
    expect(typeof window.MiniSearch).toBe('function');
    const BrowserMiniSearch = window.MiniSearch as typeof MiniSearch;
    const index = BrowserMiniSearch.loadJS(S.index, { fields: S.fields, storeFields: S.storeFields, tokenize: S.tokenize });
    // the options portal.js searches with
    search = (q) => index.search(q, { prefix: true, combineWith: 'AND', boost: { title: 4 }, fuzzy: (term: string) => (term.length > 4 ? 0.2 : false) }) as unknown as Hit[];
    documents = Object.values(S.index.storedFields) as Hit[];
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('when an error code is typed, then its row is the first result: a gateway code, a Facilito core code, a transfers code', () => {
    expect(search('GW-422-01')[0]).toMatchObject({ kind: 'error', title: 'GW-422-01', href: '/docs#err-gateway-gw-422-01' });
    expect(search('OT05')[0]).toMatchObject({ kind: 'error', title: 'OT05', href: expect.stringMatching(/^\/docs\/facilito#err-/) });
    expect(search('W2')[0]).toMatchObject({ kind: 'error', title: 'W2', href: '/docs/transfers-management#errors-core' });
  });

  it('when an operation, a field or a header is typed, then it is found with the operation it belongs to', () => {
    expect(search('createWithdrawal')[0]).toMatchObject({ kind: 'operation', title: 'F6 createWithdrawal', href: '/docs/facilito#op-createWithdrawal' });
    expect(search('IdFacilito').filter((h) => h.kind === 'field').map((h) => h.href)).toEqual(expect.arrayContaining(['/docs/facilito#op-createDeposit', '/docs/facilito#op-createReversal']));
    expect(search('xFerInfo.pseTrnCode').some((h) => h.kind === 'field' && h.href === '/docs/transfers-management#op-answerTransfiyaTransfer')).toBe(true);
    expect(search('X-Invoker-TxId')[0]).toMatchObject({ kind: 'header', title: 'X-Invoker-TxId' });
  });

  it('when every document of the index is followed, then its page has the element its link names', async () => {
    expect(documents.length).toBeGreaterThan(500);
    expect(documents.filter((d) => d.kind === 'error').map((d) => d.title)).toEqual(expect.arrayContaining(Object.values(GATEWAY_ERRORS).map((e) => e.errorCode)));
    const pages = new Map<string, string>();
    const missing: string[] = [];
    for (const d of documents) {
      const [page, anchor] = d.href.split('#');
      if (!pages.has(page)) pages.set(page, (await request(t.app).get(page)).text);
      if (!pages.get(page)!.includes(` id="${anchor}"`)) missing.push(d.href);
    }
    expect([...new Set(missing)]).toEqual([]);
  });
});
