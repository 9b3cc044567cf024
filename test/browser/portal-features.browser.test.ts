import path from 'node:path';
import type { Page } from 'playwright-core';
import { openPortal, SHOTS, type Portal } from './browser-helpers';

/**
 * The portal's reading aids in Chromium: the search box finds an error code and takes the reader
 * to its row, a language tab switches every example of the page, the flows' sequence diagrams are
 * drawn, Swagger UI's "Try it out" starts filled in and answers, and nothing fails in the console.
 */
describe('portal features in Chromium', () => {
  let portal: Portal;
  let page: Page;
  beforeAll(async () => {
    portal = await openPortal();
    page = portal.page;
  }, 90_000);
  afterAll(async () => {
    await portal?.close();
  });

  it('when an error code is typed in the search box, then it is the first result, and Enter goes to its row', async () => {
    await page.goto(`${portal.base}/docs/facilito`, { waitUntil: 'load' });
    await page.locator('#portal-search').fill('OT05');
    const first = page.locator('#search-results a.hit').first();
    await first.waitFor({ state: 'visible' });
    expect(await first.locator('strong').innerText()).toBe('OT05');
    expect(await first.getAttribute('data-kind')).toBe('error');
    const href = (await first.getAttribute('href'))!;
    await page.locator('#portal-search').press('Enter');
    await page.waitForURL(`**${href}`);
    const row = page.locator(`#${href.split('#')[1]}`);
    expect(await row.isVisible()).toBe(true);
    expect(await row.innerText()).toContain('OT05');
    // in view, below the sticky header, not under it
    const header = (await page.locator('header.top').boundingBox())!;
    const box = (await row.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(header.y + header.height);
    expect(box.y + box.height).toBeLessThanOrEqual(1000);
    await page.screenshot({ path: path.join(SHOTS, 'search-error-code.png') });

    // a code of another page: the gateway's own, on /docs
    await page.locator('#portal-search').fill('GW-429-01');
    await page.locator('#search-results a.hit').first().click();
    await page.waitForURL('**/docs#err-gateway-gw-429-01');
    expect(await page.locator('#err-gateway-gw-429-01').innerText()).toContain('429');
  }, 60_000);

  it('when the Python tab of one example is clicked, then every example of the page shows Python, and the choice is remembered', async () => {
    await page.goto(`${portal.base}/docs/transfers-management`, { waitUntil: 'load' });
    const examples = await page.locator('.example-tabs').count();
    expect(examples).toBeGreaterThan(10);
    const visible = (lang: string) => page.locator(`.example-tabs .code[data-lang="${lang}"]`).evaluateAll((els) => els.map((e) => !(e as unknown as { hidden: boolean }).hidden));
    expect(new Set(await visible('curl'))).toEqual(new Set([true]));
    await page.locator('#op-depositCash .example-tabs .tab[data-lang="python"]').click();
    expect(await visible('python')).toEqual(Array(examples).fill(true));
    for (const other of ['curl', 'javascript', 'java']) expect(await visible(other)).toEqual(Array(examples).fill(false));
    expect(await page.locator('#op-createTransfer .example-tabs .tab[aria-selected="true"]').first().innerText()).toBe('Python');
    await page.locator('#op-depositCash').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'language-tabs-python.png') });
    await page.reload({ waitUntil: 'load' });
    expect(await visible('python')).toEqual(Array(examples).fill(true));
    // back to curl for the other tests
    await page.locator('.example-tabs .tab[data-lang="curl"]').first().click();
    expect(new Set(await visible('curl'))).toEqual(new Set([true]));
  }, 60_000);

  it('when a page with flows is opened, then every sequence diagram is drawn', async () => {
    for (const api of ['facilito', 'transfers-management']) {
      await page.goto(`${portal.base}/docs/${api}`, { waitUntil: 'load' });
      const images = page.locator('figure.sequence img');
      expect(await images.count()).toBeGreaterThanOrEqual(2);
      const drawn = await images.evaluateAll((els) => els.map((e) => ({ src: (e as unknown as { src: string; complete: boolean; naturalWidth: number }).src, complete: (e as unknown as { src: string; complete: boolean; naturalWidth: number }).complete, width: (e as unknown as { src: string; complete: boolean; naturalWidth: number }).naturalWidth })));
      for (const d of drawn) expect(d).toMatchObject({ complete: true, width: expect.any(Number) });
      expect(drawn.every((d) => d.width > 200)).toBe(true);
    }
    await page.goto(`${portal.base}/docs/facilito#diagram-cash-out`, { waitUntil: 'load' });
    await page.screenshot({ path: path.join(SHOTS, 'sequence-cash-out.png') });
  }, 60_000);

  const tryIt = async (operationId: string) => {
    const block = page.locator('#reference .opblock').filter({ has: page.locator('.opblock-summary-operation-id', { hasText: new RegExp(`^${operationId}$`) }) });
    await block.locator('.opblock-summary').click();
    await block.locator('button.try-out__btn').click();
    return block;
  };
  const inputOf = (block: ReturnType<Page['locator']>, name: string) => block.locator(`tr[data-param-name="${name}"] input`);

  it('when "Try it out" is opened on an operation, then its parameters are filled in from its example and Execute answers 200', async () => {
    await page.goto(`${portal.base}/docs/facilito`, { waitUntil: 'load' });
    await page.waitForSelector('#reference[data-rendered="true"]', { timeout: 20_000 });
    const f1 = await tryIt('getCustomerAccount');
    expect(await inputOf(f1, 'Cedula').inputValue()).toBe('1234567890');
    await f1.locator('button.execute').click();
    await f1.locator('.live-responses-table tbody .response-col_status').first().waitFor({ timeout: 15_000 });
    expect((await f1.locator('.live-responses-table tbody .response-col_status').first().innerText()).trim()).toBe('200');
  }, 60_000);

  it('when "Try it out" is opened on the correspondent deposit (T15), then its X-Invoker profile is filled in, with a TxId of today, and Execute answers 200', async () => {
    await page.goto(`${portal.base}/docs/transfers-management`, { waitUntil: 'load' });
    await page.waitForSelector('#reference[data-rendered="true"]', { timeout: 20_000 });
    const t15 = await tryIt('depositCash');
    expect(await inputOf(t15, 'X-Invoker-TxId').inputValue()).toMatch(/^APIF[0-9]{4}32[0-9]{10}$/);
    expect(await inputOf(t15, 'X-Invoker-ProcessDate').inputValue()).toBe(new Date().toISOString().slice(0, 10));
    expect(await inputOf(t15, 'X-Invoker-SessionKey').inputValue()).toMatch(/^.{30}$/);
    expect(await inputOf(t15, 'X-Invoker-TerminalId').inputValue()).toBe('PDS0001');
    // the profile's pinned values are enums: Swagger UI shows them as selects
    expect(await t15.locator('tr[data-param-name="X-Invoker-Channel"] select').inputValue()).toBe('13');
    await t15.locator('button.execute').click();
    await t15.locator('.live-responses-table tbody .response-col_status').first().waitFor({ timeout: 15_000 });
    expect((await t15.locator('.live-responses-table tbody .response-col_status').first().innerText()).trim()).toBe('200');
    await t15.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'try-it-depositCash.png') });
  }, 60_000);

  it('when the pages were used, then nothing was requested outside this machine, nothing answered an error and the console stayed clean', () => {
    expect(portal.blocked).toEqual([]);
    expect(portal.pageErrors).toEqual([]);
    expect(portal.failedAnswers).toEqual([]);
    expect(portal.consoleErrors).toEqual([]);
  });
});
