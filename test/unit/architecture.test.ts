import path from 'node:path';
import { execFileSync } from 'node:child_process';

/**
 * The layers' import rules (.dependency-cruiser.cjs): no import loop, no runtime module importing
 * the sandbox, the bench or the tools, a kernel (src/gateway/) that imports nothing above it,
 * policies that never import adapters. Checked with dependency-cruiser over the real tree, and
 * over a fixture tree that breaks the rules, so the check itself is shown to catch them.
 */
const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: Array<{ name: string }>;
}

function cruise(cwd: string, dirs: string[]): Violation[] {
  const out = execFileSync(process.execPath, [cli, ...dirs, '--config', path.join(root, '.dependency-cruiser.cjs'), '--output-type', 'json'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
}

const describeViolation = (v: Violation) => `${v.rule.name}: ${v.from} -> ${v.to}${v.cycle ? ` (loop: ${v.cycle.map((c) => c.name).join(' -> ')})` : ''}`;

describe('the import graph', () => {
  it('when the runtime, the APIs and the dev aids are cruised, then no rule is broken', () => {
    expect(cruise(root, ['src', 'apis']).map(describeViolation)).toEqual([]);
  });

  it('when a tree has a loop, a kernel importing upward and a runtime module importing the sandbox, then each is reported', () => {
    const names = cruise(path.join(root, 'test', 'fixtures', 'architecture'), ['src']).map((v) => `${v.rule.name} ${v.from}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'no-import-loops src/gateway/kernel.ts',
        'kernel-is-a-leaf src/gateway/kernel.ts',
        'runtime-never-imports-dev-aids src/policies/policy.ts',
      ]),
    );
  });
});
