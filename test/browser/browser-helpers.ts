import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startGateway, type TestGateway } from '../helpers/gateway';
import { listen } from '../docs/portal-helpers';

/**
 * Debian's Chromium, headless, driven by playwright-core, over a gateway on loopback. Every request
 * that is not to this machine's loopback is aborted and recorded; script errors, console errors
 * and answers of 400 or more are recorded too: a test asserts there are none.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = path.join(__dirname, '..', 'artifacts', 'browser');

const isLoopback = (url: string): boolean => {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) || /^127\./.test(u.hostname);
};

export interface Portal {
  t: TestGateway;
  base: string;
  context: BrowserContext;
  page: Page;
  blocked: string[];
  pageErrors: string[];
  consoleErrors: string[];
  failedAnswers: string[];
  close(): Promise<void>;
}

export async function openPortal(): Promise<Portal> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium), as .ci/run does`);
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  const t = await startGateway();
  const server = await listen(t.app);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    viewport: { width: 1400, height: 1000 },
  });
  const portal: Portal = {
    t,
    base: server.base,
    context,
    page: context.pages()[0] ?? (await context.newPage()),
    blocked: [],
    pageErrors: [],
    consoleErrors: [],
    failedAnswers: [],
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
      await server.close();
      await t.close();
    },
  };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    portal.blocked.push(url);
    return route.abort();
  });
  portal.page.on('pageerror', (e) => portal.pageErrors.push(e.message));
  portal.page.on('console', (m) => {
    if (m.type() === 'error') portal.consoleErrors.push(`${m.text()} (${m.location().url})`);
  });
  portal.page.on('response', (r) => {
    if (r.status() >= 400) portal.failedAnswers.push(`${r.status()} ${r.url()}`);
  });
  return portal;
}
