import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { componentBreakdown, componentOf } from '../../src/bench/profile-summary';
import { parseInProcessOptions, runInProcess } from '../../src/bench/in-process';

describe('profile summary by component', () => {
  const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({ id, callFrame: { functionName, url, lineNumber: 0 }, children });
  const profile = {
    nodes: [
      frame(1, '(root)', '', [2, 7]),
      frame(2, 'handle', '/app/node_modules/express/lib/router.js', [3, 5]),
      frame(3, 'idempotency', '/app/dist/src/policies/idempotency/handler.js', [4]),
      frame(4, 'hash', 'node:crypto'),
      frame(5, 'log', '/app/dist/src/observability/logger.js', [6]),
      frame(6, 'stringifySimple', '/app/node_modules/safe-stable-stringify/index.js'),
      frame(7, '(garbage collector)', ''),
    ],
    samples: [4, 4, 6, 7, 2],
    // V8's convention: the delta before each sample; a sample is charged the time until the next
    timeDeltas: [0, 10, 20, 30, 40, 50],
    startTime: 0,
    endTime: 150,
  };

  it('when a sample is in node internals or a helper package, then its nearest gateway or library caller is charged', () => {
    const b = componentBreakdown(profile);
    expect(Object.fromEntries(b)).toEqual({ 'src/policies/idempotency': 30, 'src/observability/logger': 30, '(garbage collector)': 40, express: 50 });
  });

  it.each([
    ['/x/node_modules/axios/dist/node/axios.cjs', 'request', 'axios'],
    ['/x/dist/apis/facilito/routes.js', 'handle', 'apis/facilito/routes'],
    ['node:internal/streams/writable', 'write', undefined],
    ['/x/node_modules/lru-cache/dist/index.js', 'get', undefined],
    ['', '(idle)', '(idle)'],
    ['', 'validate12', undefined],
  ])('when a frame is in %s (%s), then its component is %s', (url, fn, expected) => {
    expect(componentOf(url, fn)).toBe(expected);
  });
});

describe('the in-process bench', () => {
  it('when options are given, then they are read; a bad one is refused', () => {
    expect(parseInProcessOptions(['account', '--requests=10', '--concurrency=2', '--profile'])).toMatchObject({ scenario: 'account', requests: 10, concurrency: 2, profile: true });
    expect(() => parseInProcessOptions(['--requests=0'])).toThrow(/requests/);
  });

  it.each(['transfer', 'account'])('when the %s scenario runs through the whole app against the stub, then every request is answered 200', async (scenario) => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-inproc-'));
    try {
      const r = await runInProcess({ scenario, requests: 40, concurrency: 4, profile: scenario === 'account', outDir });
      expect(r.ok).toBe(40);
      expect(r.cpuMicrosPerRequest).toBeGreaterThan(0);
      if (scenario === 'account') {
        expect(fs.existsSync(r.profileFile!)).toBe(true);
        expect(r.summary).toMatch(/time by component/);
      }
      expect(fs.readFileSync(path.join(outDir, 'in-process.log'), 'utf8')).toMatch(/"status":200/);
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  }, 60_000);
});
