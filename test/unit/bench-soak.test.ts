import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseSoakOptions } from '../../src/bench/soak-options';
import { growthVerdict, slope } from '../../src/bench/growth';
import { diffHeaps, readHeapSummary } from '../../src/bench/heap-diff';

describe('the soak mode of the bench', () => {
  it('when options are given, then they are read, and a wrong one is refused naming it', () => {
    expect(parseSoakOptions(['--scenario=transfer', '--rate=300', '--minutes=2.5', '--heap-snapshots', '--env=GATEWAY_IDEMPOTENCY_MAX_ENTRIES=1000'])).toMatchObject({
      scenario: 'transfer',
      rate: 300,
      minutes: 2.5,
      heapSnapshots: true,
      env: { GATEWAY_IDEMPOTENCY_MAX_ENTRIES: '1000' },
    });
    expect(parseSoakOptions([])).toMatchObject({ scenario: 'account', rate: 250, minutes: 4 });
    expect(() => parseSoakOptions(['--rate=-1'])).toThrow('--rate=-1');
    expect(() => parseSoakOptions(['--scenario=other'])).toThrow('--scenario=other');
  });

  it('when RSS grows steadily, then it is "still growing"; when it climbs then stays flat, then it "levels off"', () => {
    expect(slope([[0, 1], [1, 3], [2, 5]])).toBeCloseTo(2);
    const leak = Array.from({ length: 24 }, (_, i): [number, number] => [i / 6, 200 + 5 * (i / 6)]);
    expect(growthVerdict(leak)).toMatchObject({ wholeMbPerMin: 5, secondHalfMbPerMin: 5, levelsOff: false });
    const cache = Array.from({ length: 24 }, (_, i): [number, number] => [i / 6, i < 8 ? 180 + i * 3 : 204]);
    expect(growthVerdict(cache).levelsOff).toBe(true);
  });

  it('when two real heap snapshots are compared, then the objects retained in between are the top growth', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heap-diff-'));
    const [a, b] = [path.join(dir, 'a.heapsnapshot'), path.join(dir, 'b.heapsnapshot')];
    const script = `
      const v8 = require('node:v8');
      class RetainedRecord { constructor(i) { this.i = i; this.text = 'x' + i; } }
      globalThis.kept = [];
      v8.writeHeapSnapshot(${JSON.stringify(a)});
      for (let i = 0; i < 20000; i++) globalThis.kept.push(new RetainedRecord(i));
      v8.writeHeapSnapshot(${JSON.stringify(b)});`;
    execFileSync(process.execPath, ['-e', script]);
    const diff = diffHeaps(readHeapSummary(a), readHeapSummary(b));
    const records = diff.growth.find((g) => g.name === 'object RetainedRecord');
    expect(records).toMatchObject({ countBefore: 0, countAfter: 20000 });
    expect(diff.growth.slice(0, 3).map((g) => g.name)).toContain('object RetainedRecord');
    expect(diff.totalDeltaBytes).toBeGreaterThan(0);
  });
});
