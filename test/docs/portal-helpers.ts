import { unzipSync } from 'fflate';
import http from 'node:http';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

/** Support for the portal tests (not a test file itself). */

export const unescapeHtml = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

export interface CodeBlock {
  kind: string;
  id?: string;
  text: string;
}

/** The copyable blocks of a page, in page order, as a reader copies them. */
export function codeBlocks(html: string): CodeBlock[] {
  const re = /<div class="code"(?: id="([^"]*)")?><button[^>]*>Copy<\/button><pre data-kind="([^"]+)"><code>([\s\S]*?)<\/code><\/pre><\/div>/g;
  return [...html.matchAll(re)].map((m) => ({ id: m[1] ? unescapeHtml(m[1]) : undefined, kind: m[2], text: unescapeHtml(m[3]) }));
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

/** The getting-started lines with BASE pointed at the gateway under test (the only change a reader would make). */
export const withBase = (lines: string, base: string): string => lines.replace(/^BASE=.*$/m, `BASE=${base}`);

/**
 * Runs shell blocks with bash, each after a marker line, and returns the final HTTP status each
 * block's `curl -i` printed (ignoring 100 Continue). Asynchronous: the gateway answering the
 * curls runs in this very process.
 */
export async function runBlocks(prelude: string, blocks: Array<{ id: string; text: string }>): Promise<Map<string, number | undefined>> {
  const script = ['set -u', prelude, ...blocks.flatMap((b) => [`echo; echo '@@block ${b.id}'`, b.text])].join('\n');
  const { stdout: out } = await promisify(execFile)('bash', ['-c', script], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  const statuses = new Map<string, number | undefined>();
  let current: string | undefined;
  for (const line of out.split(/\r?\n/)) {
    const marker = /^@@block (.+)$/.exec(line);
    if (marker) {
      current = marker[1];
      statuses.set(current, undefined);
      continue;
    }
    const status = /^HTTP\/[0-9.]+ ([0-9]{3})/.exec(line);
    if (current && status && status[1] !== '100') statuses.set(current, Number(status[1]));
  }
  return statuses;
}

/** The entries of a zip archive (central directory), inflated. */
export function unzip(buf: Buffer): Map<string, Buffer> {
  // fflate checks each entry's CRC while inflating
  return new Map(Object.entries(unzipSync(new Uint8Array(buf))).map(([name, data]) => [name, Buffer.from(data)]));
}
