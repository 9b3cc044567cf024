import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startGateway, type TestGateway } from '../helpers/gateway';
import { API_DEFINITIONS } from '../../apis';
import { loadDocApi } from '../../src/docs/model/contract-model';
import { listen, runBlocks, withBase } from '../docs/portal-helpers';

/**
 * The portal in a real browser: Debian's Chromium, headless, driven by playwright-core, with every
 * request that is not to this machine's loopback aborted (and recorded: there must be none). It
 * opens /docs and each API's page, checks that the guide and Swagger UI render every operation,
 * saves screenshots in test/artifacts/browser/, and runs the getting-started lines copied from the
 * rendered page with sh and curl: the first call must answer 200.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.join(__dirname, '..', 'artifacts', 'browser');
const APIS = API_DEFINITIONS.map((d) => loadDocApi(d));

const isLoopback = (url: string): boolean => {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) || /^127\./.test(u.hostname);
};

describe('partner portal in Chromium', () => {
  let t: TestGateway;
  let server: Awaited<ReturnType<typeof listen>>;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const blocked: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium), as .ci/run does`);
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    t = await startGateway();
    server = await listen(t.app);
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
      viewport: { width: 1400, height: 1000 },
    });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLoopback(url)) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 30_000);

  afterAll(async () => {
    await context?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
    await server?.close();
    await t?.close();
  });

  it('when /docs is opened, then it shows every API, and its getting-started lines, copied from the rendered page and run with sh and curl, get a token and a 200', async () => {
    await page.goto(`${server.base}/docs`, { waitUntil: 'load' });
    expect(await page.title()).toContain('Partner portal');
    const cards = await page.locator('.api-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-api')));
    expect(cards).toEqual(APIS.map((a) => a.name));
    await page.screenshot({ path: path.join(SHOTS, 'docs.png') });

    const printed = await page.locator('pre[data-kind="getting-started"]').innerText();
    expect(printed).toMatch(/^BASE=/m);
    expect(printed).toContain('/oauth/token');
    // the reader pastes the block as shown; BASE points at this gateway (the only line one might change)
    const statuses = await runBlocks('', [{ id: 'getting-started', text: withBase(printed, server.base) }]);
    expect(statuses.get('getting-started')).toBe(200);
  }, 30_000);

  it.each(APIS.map((a) => [a.name, a] as const))('when the page of %s is opened, then the guide and Swagger UI render all its operations', async (name, api) => {
    await page.goto(`${server.base}/docs/${name}`, { waitUntil: 'load' });
    await page.waitForSelector('#reference[data-rendered="true"]', { timeout: 20_000 });
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

    // the server-rendered guide: a section per operation, visible
    for (const op of api.operations) expect(await page.locator(`#op-${op.operationId}`).isVisible()).toBe(true);

    // Swagger UI: one block per operation with its path and operationId
    const rendered = await page.locator('#reference .opblock').evaluateAll((els) =>
      els.map((e) => ({
        path: e.querySelector('.opblock-summary-path')?.getAttribute('data-path') ?? '',
        operationId: e.querySelector('.opblock-summary-operation-id')?.textContent?.trim() ?? '',
        method: e.querySelector('.opblock-summary-method')?.textContent?.trim().toLowerCase() ?? '',
      })),
    );
    const expected = api.operations.map((o) => ({ path: o.path, operationId: o.operationId, method: o.method }));
    const key = (x: { method: string; path: string; operationId: string }) => `${x.method} ${x.path} ${x.operationId}`;
    expect(rendered.map(key).sort()).toEqual(expected.map(key).sort());
    for (const r of rendered) expect(await page.getByText(r.operationId, { exact: true }).first().isVisible()).toBe(true);

    await page.locator('#reference').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, `${name}-reference.png`) });
  }, 30_000);

  it('when the pages were browsed, then nothing was requested outside this machine and no script failed', () => {
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
    for (const f of ['docs.png', ...APIS.map((a) => `${a.name}.png`)]) expect(fs.statSync(path.join(SHOTS, f)).size).toBeGreaterThan(10_000);
  });
});
