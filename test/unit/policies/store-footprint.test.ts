import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const FIXTURE = path.join(__dirname, '../../fixtures/stores/footprint.ts');

/** The heap a full memory store really takes, measured after a full GC in a process of its own. */
async function footprint(kind: 'idempotency' | 'ownership'): Promise<{ records: number; heapBytes: number; countedBytes: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '-r', 'ts-node/register/transpile-only', FIXTURE, kind], {
    cwd: path.join(__dirname, '../../..'),
    timeout: 60_000,
  });
  return JSON.parse(stdout);
}

describe('memory stores: what a record costs is what maxBytes counts', () => {
  // A budget in bytes only bounds a process's memory if a record takes about the bytes it is
  // counted for. Records kept as V8 string trees (one ConsString per concatenation) took 2.4x
  // (idempotency) and 4.8x (ownership) what was counted.
  it.each([['idempotency' as const], ['ownership' as const]])('when the %s store is filled, then its heap is at most 1.4x the bytes it counts', async (kind) => {
    const f = await footprint(kind);
    expect(f.records).toBeGreaterThanOrEqual(20_000);
    expect(f.countedBytes).toBeGreaterThan(0);
    expect(f.heapBytes).toBeLessThanOrEqual(1.4 * f.countedBytes);
  }, 90_000);
});
