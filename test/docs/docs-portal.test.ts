import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { startGateway, type TestGateway } from '../helpers/gateway';
import { API_DEFINITIONS } from '../../apis';
import { loadDocApi } from '../../src/docs/model/contract-model';
import { GATEWAY_ERRORS } from '../../src/errors/catalog';
import { PROFILES } from '../../src/policies/x-invoker-headers/profiles';
import { CORE_ERROR_TABLES } from '../../src/docs/model/error-tables';
import { TRANSFERS_ERRORS } from '../../src/adapters/catalogs/transfers';
import { ramlFilesOf } from '../../src/docs/raml/raml-files';
import { codeBlocks, listen, replayedBlocks, runBlocks, runScript, statusesByBlock, unzip, withBase } from './portal-helpers';

/**
 * The partner portal as a reader uses it: every page renders from the contracts, every printed
 * curl example is pasted twice into sh against a fresh sandbox and answers 2xx both times, the RAML downloads
 * resolve their includes, and every documented error is there with its HTTP status.
 */
const APIS = API_DEFINITIONS.map((d) => loadDocApi(d));

describe('partner portal (/docs)', () => {
  let t: TestGateway;
  let server: Awaited<ReturnType<typeof listen>>;
  const pages = new Map<string, string>();
  const page = async (p: string) => {
    if (!pages.has(p)) {
      const res = await request(t.app).get(p);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      pages.set(p, res.text);
    }
    return pages.get(p)!;
  };
  beforeAll(async () => {
    t = await startGateway();
    server = await listen(t.app);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await t.close();
  });

  it('when /docs is opened, then it introduces the gateway and lists every API and every operation of every contract', async () => {
    const html = await page('/docs');
    for (const heading of ['Getting started', 'Environments', 'Authentication', 'Errors', 'Money rules', 'Rate limits', 'Sandbox', 'QA kit']) expect(html).toContain(heading);
    for (const api of APIS) {
      expect(html).toContain(`href="/docs/${api.name}"`);
      for (const op of api.operations) expect(html).toContain(`<code>${op.operationId}</code>`);
    }
    // QA and production as configured; the sandbox is this gateway (test/docs/portal-listener.test.ts)
    for (const uri of [t.config.publicUris.qa, t.config.publicUris.prod]) expect(html).toContain(uri);
  });

  it('when the getting-started lines of /docs are run with sh and curl, then a token is issued and the first call answers 200', async () => {
    const html = await page('/docs');
    const start = codeBlocks(html).find((b) => b.kind === 'getting-started')!;
    expect(start.text).toMatch(/\/oauth\/token/);
    // on a sandbox gateway the page prints the address it was read from: as printed, it works
    const served = (await request(server.base).get('/docs')).text;
    const printed = codeBlocks(served).find((b) => b.kind === 'getting-started')!.text;
    expect(printed).toContain(`BASE=${server.base}`);
    const statuses = await runBlocks('', [{ id: 'start', text: printed }]);
    expect(statuses.get('start')).toBe(200);
  }, 60_000);

  describe.each(APIS.map((a) => [a.name, a] as const))('the page of %s', (name, api) => {
    it('when it is opened, then every operation appears with its path, operationId, examples and answers, and the RAML documentation pages are there', async () => {
      const html = await page(`/docs/${name}`);
      const blocks = codeBlocks(html);
      for (const op of api.operations) {
        expect(html).toContain(`id="op-${op.operationId}"`);
        expect(html).toContain(`${api.basePath}${op.path}`.replace(/&/g, '&amp;'));
        const runnable = op.bodyExamples.filter((e) => e.runnable).length || 1;
        expect(blocks.filter((b) => b.id?.startsWith(`example-${op.operationId}-`) && b.kind === 'example')).toHaveLength(runnable);
        for (const r of op.responses) expect(html).toMatch(new RegExp(`id="op-${op.operationId}"[\\s\\S]*?<td><strong>${r.status}</strong></td>`));
      }
      for (const d of api.documentation) expect(html).toContain(d.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
      for (const s of ['Getting started', 'Suggested flow', 'X-Invoker headers', 'Money rules', 'Rate limits', 'Fault injection', 'Interactive reference']) expect(html).toContain(s);
    });

    it('when every printed curl example is pasted twice in page order into sh against a fresh sandbox, then each answers 2xx both times', async () => {
      const html = (await request(server.base).get(`/docs/${name}`)).text;
      const blocks = codeBlocks(html);
      const start = blocks.find((b) => b.kind === 'getting-started')!;
      const examples = blocks.filter((b) => b.kind === 'example').flatMap((b) => [1, 2].map((n) => ({ id: `${b.id!} run ${n}`, text: b.text })));
      expect(examples.length).toBeGreaterThanOrEqual(api.operations.length * 2);
      const out = await runScript(withBase(start.text, server.base), examples);
      const statuses = statusesByBlock(out);
      const failed = [...statuses].filter(([, s]) => s === undefined || s < 200 || s > 299);
      expect(failed).toEqual([]);
      expect(statuses.size).toBe(examples.length);
      // fresh ids: the second paste is a new transaction, not the first one's answer replayed
      expect(replayedBlocks(out)).toEqual([]);
    }, 90_000);

    it('when the errors are read, then every gateway code and every core code of this API are listed with their HTTP status', async () => {
      const html = await page(`/docs/${name}`);
      const row = (status: number, code: string) => new RegExp(`<td>${status}</td><td><code>${code.replace(/[*]/g, '\\*')}</code></td>`);
      for (const e of Object.values(GATEWAY_ERRORS)) expect(html).toMatch(row(e.status, e.errorCode));
      const tables = CORE_ERROR_TABLES[name] ?? [];
      for (const r of tables.flatMap((x) => x.rows)) expect(html).toMatch(row(r.status, r.errorCode));
      if (name === 'transfers-management') {
        // its own "Error codes" page, rendered from the catalogs
        for (const r of TRANSFERS_ERRORS.rows) expect(html).toMatch(new RegExp(`<td>${r.status}</td>\\s*<td>${r.errorCode}</td>`));
      }
    });

    it('when the X-Invoker reference is read, then each operation with a correspondent profile shows its pinned values', async () => {
      const html = await page(`/docs/${name}`);
      for (const op of api.operations.filter((o) => o.route?.invokerProfile)) {
        for (const [header, value] of Object.entries(PROFILES[op.route!.invokerProfile!].pinned)) {
          expect(html).toContain(`<code>${header}</code> = <code>${value}</code>`);
        }
      }
      const required = api.operations.flatMap((o) => o.params.filter((p) => p.in === 'header' && p.required).map((p) => p.name));
      for (const h of required) expect(html).toContain(`<code>${h}</code>`);
    });
  });

  it('when a page is rendered, then it loads nothing but this gateway\'s own assets', async () => {
    for (const p of ['/docs', ...APIS.map((a) => `/docs/${a.name}`), `/docs/${APIS[0].name}/raml`]) {
      const html = await page(p);
      const loaded = [...html.matchAll(/<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect(loaded.filter((u) => !u.startsWith('/docs/'))).toEqual([]);
      expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/);
    }
    const css = await request(t.app).get('/docs/assets/swagger-ui/swagger-ui.css');
    expect(css.status).toBe(200);
    expect(css.text).not.toMatch(/@import\s+url\(\s*['"]?https?:/);
    expect((await request(t.app).get('/docs/assets/swagger-ui/index.html')).status).toBe(404);
  });

  it.each(APIS.map((a) => a.name))('when the RAML of %s is downloaded, then api.raml and everything it includes or uses resolves from the URLs it was read at, and the zip holds the same files', async (name) => {
    const seen = new Set<string>();
    const visit = async (url: string): Promise<void> => {
      if (seen.has(url)) return;
      seen.add(url);
      const res = await request(t.app).get(url);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      if (!url.endsWith('.raml')) return;
      const text = res.text;
      const refs = [...text.matchAll(/!include\s+(\S+)/g)].map((m) => m[1]);
      const uses = text.match(/^uses:\n((?:[ \t]+\S+:\s*\S+\n)+)/m)?.[1] ?? '';
      refs.push(...[...uses.matchAll(/:\s*(\S+\.raml)/g)].map((m) => m[1]));
      for (const ref of refs) await visit(path.posix.join(path.posix.dirname(url), ref));
    };
    await visit(`/docs/raml/${name}/api.raml`);
    expect(seen.size).toBeGreaterThan(3);
    expect([...seen].some((u) => u.startsWith('/docs/raml/common/'))).toBe(true);

    const zip = await request(t.app).get(`/docs/${name}/raml.zip`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(zip.status).toBe(200);
    const files = unzip(zip.body as Buffer);
    expect([...files.keys()].sort()).toEqual(ramlFilesOf(name).sort());
    for (const [f, data] of files) expect(data.equals(fs.readFileSync(path.join('raml', f)))).toBe(true);
    for (const u of seen) expect(files.has(u.replace('/docs/raml/', ''))).toBe(true);
  });

  it.each(APIS.map((a) => a.name))('when the reference of %s loads its OpenAPI, then it is the contract (its examples included) with the environments as servers', async (name) => {
    const served = (await request(t.app).get(`/docs/${name}/openapi.json`)).body;
    const committed = JSON.parse(fs.readFileSync(path.join('apis', name, 'openapi.json'), 'utf8'));
    expect(served.components).toEqual(committed.components);
    expect(Object.keys(served.paths).sort()).toEqual(Object.keys(committed.paths).sort());
    // the environments first (absolute: the first is what Postman and generators use), then this gateway, relative
    // the sandbox's is where this request came in (the portal follows its listener, as its pages do)
    const { qa, prod } = t.config.publicUris;
    const urls = served.servers.map((s: { url: string }) => s.url);
    expect(urls.slice(1)).toEqual([`${qa}/${name}`, `${prod}/${name}`, `/${name}`]);
    expect(urls[0]).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/${name}$`));
    for (const [p, item] of Object.entries<any>(committed.paths)) {
      for (const [m, op] of Object.entries<any>(item)) {
        expect(served.paths[p][m].operationId).toBe(op.operationId);
        expect(served.paths[p][m].parameters).toEqual(op.parameters);
        // the contract's own examples, as committed (standard example or named examples)
        if (op.requestBody) expect(served.paths[p][m].requestBody.content['application/json']).toEqual(op.requestBody.content['application/json']);
      }
    }
  });

  it('when an unknown API or file is asked for, then the bank envelope answers 404', async () => {
    for (const p of ['/docs/nope', '/docs/nope/openapi.json', '/docs/raml/nope/api.raml', '/docs/qa/nope.postman_collection.json']) {
      const res = await request(t.app).get(p);
      expect(res.status).toBe(404);
      expect(res.body.responseType).toEqual({ value: 'ER' });
    }
  });
});
