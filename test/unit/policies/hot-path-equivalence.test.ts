import { canonicalJson } from '../../../src/policies/idempotency/handler';
import { findJsonThreat, type JsonThreatLimits } from '../../../src/policies/json-threat-protection/handler';

/**
 * The allocation-light canonicalJson and findJsonThreat (issue 8, bench profile) must answer
 * exactly as the versions they replaced: those are kept here as references and both are run on
 * the same seeded random JSON documents.
 */
function referenceCanonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(referenceCanonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${referenceCanonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

function referenceFindJsonThreat(body: unknown, limits: JsonThreatLimits): string | undefined {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value: body, depth: 0, path: '' }];
  while (stack.length) {
    const { value, depth, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.length > limits.maxStringValueLength) return `string value at ${path || 'body'} is longer than ${limits.maxStringValueLength} characters`;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const d = depth + 1;
    if (d > limits.maxContainerDepth) return `nesting at ${path || 'body'} is deeper than ${limits.maxContainerDepth} levels`;
    if (Array.isArray(value)) {
      if (value.length > limits.maxArrayElementCount) return `array ${path || 'body'} has more than ${limits.maxArrayElementCount} entries`;
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], depth: d, path: `${path}[${i}]` });
    } else {
      const keys = Object.keys(value);
      if (keys.length > limits.maxObjectEntryCount) return `object ${path || 'body'} has more than ${limits.maxObjectEntryCount} entries`;
      for (const k of keys) {
        if (k.length > limits.maxObjectEntryNameLength) return `a field name in ${path || 'body'} is longer than ${limits.maxObjectEntryNameLength} characters`;
        stack.push({ value: (value as Record<string, unknown>)[k], depth: d, path: path ? `${path}.${k}` : k });
      }
    }
  }
  return undefined;
}

/** mulberry32: a small deterministic PRNG, so a failure names a reproducible document. */
function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['', 'a', 'B', 'b', 'aa', 'Z', 'é', '10', '2', 'xFerInfo', 'k'.repeat(12), 'IdFacilito', '_'];
function randomJson(rand: () => number, depth: number): unknown {
  const r = rand();
  if (depth > 6 || r < 0.3) {
    const p = rand();
    if (p < 0.25) return 'x'.repeat(Math.floor(rand() * 14));
    if (p < 0.5) return Math.round(rand() * 1e6) / 100;
    if (p < 0.65) return rand() < 0.5;
    if (p < 0.75) return null;
    return KEYS[Math.floor(rand() * KEYS.length)];
  }
  if (r < 0.6) return Array.from({ length: Math.floor(rand() * 6) }, () => randomJson(rand, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = Math.floor(rand() * 7); i > 0; i--) o[KEYS[Math.floor(rand() * KEYS.length)]] = randomJson(rand, depth + 1);
  return o;
}

const LIMITS: JsonThreatLimits = { maxContainerDepth: 4, maxStringValueLength: 10, maxArrayElementCount: 4, maxObjectEntryCount: 5, maxObjectEntryNameLength: 8 };

describe('hot-path rewrites answer exactly as the versions they replaced', () => {
  const rand = prng(8);
  const docs = Array.from({ length: 3000 }, () => randomJson(rand, 0));

  it('when random JSON documents are canonicalised, then the text is the same as before', () => {
    for (const d of docs) expect(canonicalJson(d)).toBe(referenceCanonicalJson(d));
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${(i * 7919) % 40}`, i]));
    expect(canonicalJson(many)).toBe(referenceCanonicalJson(many));
  });

  it('when random JSON documents are checked for threats, then the same first violation (or none) is reported', () => {
    let violations = 0;
    for (const d of docs) {
      const expected = referenceFindJsonThreat(d, LIMITS);
      if (expected) violations++;
      expect(findJsonThreat(d, LIMITS)).toBe(expected);
    }
    // the documents exercise both outcomes
    expect(violations).toBeGreaterThan(100);
    expect(violations).toBeLessThan(docs.length);
  });
});
