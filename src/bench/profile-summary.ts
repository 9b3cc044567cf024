import fs from 'node:fs';
import path from 'node:path';
import { terminate } from '../terminate';

/**
 * Reads a V8 .cpuprofile (node --cpu-prof, e.g. npm run bench -- --profile) and prints where the
 * time went: self time by package (a node_modules package, the gateway's own folders, node
 * internals, GC) and the heaviest functions, self and inclusive. Used to decide what to optimise.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export function packageOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const m = /\/dist\/((?:src|apis)\/[^/]+(?:\/[^/]+)?)/.exec(url) ?? /\/((?:src|apis)\/[^/]+(?:\/[^/]+)?)/.exec(url);
  return m ? m[1].replace(/\.js$/, '') : path.basename(url);
}

/**
 * Packages that are plumbing for whoever calls them (node internals, small helpers): a sample in
 * one of them is charged to the nearest caller that is a component (the gateway's own folders or
 * a library of record).
 */
const PLUMBING = /^(node:|safe-stable-stringify$|lru-cache$|debug$|ms$|content-type$|mime-types$|mime-db$|type-is$|media-typer$|on-finished$|ee-first$|iconv-lite$|parseurl$|depd$|fast-uri$|triple-beam$|readable-stream$|http-errors$|statuses$|bytes$|unpipe$|destroy$|setprototypeof$|encodeurl$|escape-html$|vary$|qs$|\(native\)$)/;

/** The component a stack frame belongs to, or undefined for plumbing (see PLUMBING). */
export function componentOf(url: string, fn: string): string | undefined {
  if (!url) return fn.startsWith('(') && fn !== '(anonymous)' && fn !== '(root)' ? fn : undefined;
  const pkg = packageOf(url, fn);
  return PLUMBING.test(pkg) ? undefined : pkg;
}

/**
 * Time by component: each sample is charged to the nearest frame on its stack that belongs to the
 * gateway's code or to a library (node internals and helper packages are charged to their caller).
 * The profile's top functions spread a policy over crypto, JSON and Node internals; this puts them
 * back together.
 */
export function componentBreakdown(p: Profile): Map<string, number> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const out = new Map<string, number>();
  for (let i = 0; i < p.samples.length; i++) {
    let component: string | undefined;
    for (let cur: number | undefined = p.samples[i]; cur !== undefined && component === undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      component = componentOf(f.url, f.functionName);
    }
    const k = component ?? '(node internals)';
    out.set(k, (out.get(k) ?? 0) + (p.timeDeltas[i + 1] ?? 0));
  }
  return out;
}

export function summarizeProfile(p: Profile, top = 30): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i + 1] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${packageOf(n.callFrame.url, n.callFrame.functionName)}:${n.callFrame.lineNumber + 1}`;
  const byPackage = new Map<string, number>();
  const selfByFn = new Map<string, number>();
  const inclByFn = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const pkg = packageOf(n.callFrame.url, n.callFrame.functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    selfByFn.set(key(n), (selfByFn.get(key(n)) ?? 0) + us);
    // inclusive: every distinct function on the stack gets the sample once (recursion counted once)
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      inclByFn.set(k, (inclByFn.get(k) ?? 0) + us);
    }
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  const list = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `${pct(us)}  ${k}`)
      .join('\n');
  return [
    `profile: ${(total / 1e6).toFixed(2)} s sampled (wall ${((p.endTime - p.startTime) / 1e6).toFixed(2)} s)`,
    '\nself time by package:',
    list(byPackage, top),
    '\nself time by function:',
    list(selfByFn, top),
    '\ninclusive time by function:',
    list(inclByFn, top),
    '\ntime by component (nearest gateway or library frame on the stack):',
    list(componentBreakdown(p), top),
  ].join('\n');
}

interface HeapNode {
  callFrame: ProfileNode['callFrame'];
  selfSize: number;
  children: HeapNode[];
}

/** A sampling heap profile (--alloc-profile): bytes allocated by package and by function. */
export function summarizeHeapProfile(p: { head: HeapNode }, top = 30): string {
  const byPackage = new Map<string, number>();
  const byFn = new Map<string, number>();
  let total = 0;
  const walk = (n: HeapNode) => {
    const f = n.callFrame;
    const pkg = packageOf(f.url, f.functionName);
    const k = `${f.functionName || '(anonymous)'} ${pkg}:${f.lineNumber + 1}`;
    total += n.selfSize;
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + n.selfSize);
    byFn.set(k, (byFn.get(k) ?? 0) + n.selfSize);
    for (const c of n.children) walk(c);
  };
  walk(p.head);
  const list = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, b]) => `${((100 * b) / total).toFixed(1).padStart(5)}%  ${(b / 1048576).toFixed(1).padStart(7)} MB  ${k}`)
      .join('\n');
  return [`allocated (sampled): ${(total / 1048576).toFixed(1)} MB`, '\nby package:', list(byPackage), '\nby function:', list(byFn)].join('\n');
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node dist/src/bench/profile-summary.js <file.cpuprofile|file.heapprofile> [top]');
    terminate(2);
  }
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  const top = Number(process.argv[3] ?? 30);
  console.log('head' in data ? summarizeHeapProfile(data, top) : summarizeProfile(data as Profile, top));
}
