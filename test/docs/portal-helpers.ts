import { unzipSync } from 'fflate';
import http from 'node:http';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { startGateway, type TestGateway } from '../helpers/gateway';

/** Support for the portal tests (not a test file itself). */

export const unescapeHtml = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

export interface CodeBlock {
  kind: string;
  id?: string;
  /** The language tab it belongs to (examples only). */
  lang?: string;
  text: string;
}

/** The copyable blocks of a page, in page order, as a reader copies them. */
export function codeBlocks(html: string): CodeBlock[] {
  const re = /<div class="code"((?: [a-z-]+(?:="[^"]*")?)*)><button[^>]*>Copy<\/button><pre data-kind="([^"]+)"><code>([\s\S]*?)<\/code><\/pre><\/div>/g;
  return [...html.matchAll(re)].map((m) => {
    const attr = (name: string) => new RegExp(` ${name}="([^"]*)"`).exec(m[1])?.[1];
    const id = attr('id');
    return { id: id ? unescapeHtml(id) : undefined, lang: attr('data-lang'), kind: m[2], text: unescapeHtml(m[3]) };
  });
}

/** The app on a real loopback port (curl and browsers need one). */
export async function listen(app: Express): Promise<{ base: string; close: () => Promise<void> }> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A sandbox gateway on a real loopback port for the enclosing describe block: started in
 * beforeAll, closed (sockets and all) in afterAll. Read `t` and `server` inside the tests.
 */
export function listeningGateway(): { t: TestGateway; server: Awaited<ReturnType<typeof listen>> } {
  const g = {} as { t: TestGateway; server: Awaited<ReturnType<typeof listen>> };
  beforeAll(async () => {
    g.t = await startGateway();
    g.server = await listen(g.t.app);
  }, 60_000);
  afterAll(async () => {
    await g.server?.close();
    await g.t?.close();
  });
  return g;
}

/** The getting-started lines with BASE pointed at the gateway under test (the only change a reader would make). */
export const withBase = (lines: string, base: string): string => lines.replace(/^BASE=.*$/m, `BASE=${base}`);

/**
 * Runs shell blocks with POSIX sh (Debian's dash: no bash-isms pass), each after a marker line, and
 * returns the final HTTP status each block printed (`curl -i`'s status line, or a program's
 * "HTTP 200"; 100 Continue ignored). Asynchronous: the gateway answering the curls runs in this
 * very process.
 */
export async function runBlocks(prelude: string, blocks: Array<{ id: string; text: string }>): Promise<Map<string, number | undefined>> {
  return statusesByBlock(await runScript(prelude, blocks));
}

/** The blocks' whole output (curl -i prints the answer's headers too). */
export async function runScript(prelude: string, blocks: Array<{ id: string; text: string }>): Promise<string> {
  const script = ['set -u', prelude, ...blocks.flatMap((b) => [`echo; echo '@@block ${b.id}'`, b.text])].join('\n');
  const { stdout } = await promisify(execFile)('sh', ['-c', script], { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** The blocks whose answer was a replay of an earlier one (Idempotent-Replayed: true). */
export function replayedBlocks(out: string): string[] {
  return out
    .split(/^@@block /m)
    .slice(1)
    .filter((part) => /^Idempotent-Replayed: true/im.test(part))
    .map((part) => part.split(/\r?\n/)[0]);
}

/** The final HTTP status printed after each "@@block <id>" marker line of an output. */
export function statusesByBlock(out: string): Map<string, number | undefined> {
  const statuses = new Map<string, number | undefined>();
  let current: string | undefined;
  for (const line of out.split(/\r?\n/)) {
    const marker = /^@@block (.+)$/.exec(line);
    if (marker) {
      current = marker[1];
      statuses.set(current, undefined);
      continue;
    }
    const status = /^HTTP(?:\/[0-9.]+)? ([0-9]{3})/.exec(line);
    if (current && status && status[1] !== '100') statuses.set(current, Number(status[1]));
  }
  return statuses;
}

/** The entries of a zip archive (central directory), inflated. */
export function unzip(buf: Buffer): Map<string, Buffer> {
  // fflate checks each entry's CRC while inflating
  return new Map(Object.entries(unzipSync(new Uint8Array(buf))).map(([name, data]) => [name, Buffer.from(data)]));
}
