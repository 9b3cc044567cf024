import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { API_DEFINITIONS } from '../../apis';
import { loadDocApi } from '../../src/docs/model/contract-model';
import { runBlocks, withBase } from '../docs/portal-helpers';
import { openPortal, SHOTS, type Portal } from './browser-helpers';

/**
 * The portal in a real browser: Debian's Chromium, headless, driven by playwright-core, with every
 * request that is not to this machine's loopback aborted (and recorded: there must be none). It
 * opens /docs and each API's page, checks that the guide and Swagger UI render every operation,
 * saves screenshots in test/artifacts/browser/, and runs the getting-started lines copied from the
 * rendered page with sh and curl: the first call must answer 200.
 */
const APIS = API_DEFINITIONS.map((d) => loadDocApi(d));

describe('partner portal in Chromium', () => {
  let portal: Portal;
  let page: Page;
  let server: { base: string };
  beforeAll(async () => {
    portal = await openPortal();
    page = portal.page;
    server = { base: portal.base };
  }, 90_000);
  afterAll(async () => {
    await portal?.close();
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
  }, 60_000);

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
  }, 60_000);

  it('when the pages were browsed, then nothing was requested outside this machine, nothing answered an error (the icon neither) and no script failed', () => {
    expect(portal.blocked).toEqual([]);
    expect(portal.pageErrors).toEqual([]);
    expect(portal.failedAnswers).toEqual([]);
    expect(portal.consoleErrors).toEqual([]);
    for (const f of ['docs.png', ...APIS.map((a) => `${a.name}.png`)]) expect(fs.statSync(path.join(SHOTS, f)).size).toBeGreaterThan(10_000);
  });
});
