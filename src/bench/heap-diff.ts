import fs from 'node:fs';

/**
 * Two V8 heap snapshots (.heapsnapshot) compared by what holds the memory: self size and count
 * per node type and constructor name. A leak shows as a name whose size keeps growing between
 * snapshots taken minutes apart under the same load; a cache filling up as one that stops.
 */
export interface HeapGroup {
  /** "object Foo", "string", "closure bar", "array (object elements)"... */
  name: string;
  count: number;
  bytes: number;
}

export interface HeapSummary {
  totalBytes: number;
  nodes: number;
  groups: Map<string, HeapGroup>;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

export function summarizeHeap(snapshot: Snapshot): HeapSummary {
  const fields = snapshot.snapshot.meta.node_fields;
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const types = snapshot.snapshot.meta.node_types[0];
  const groups = new Map<string, HeapGroup>();
  let totalBytes = 0;
  const { nodes, strings } = snapshot;
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt]];
    const size = nodes[i + sizeAt];
    totalBytes += size;
    // strings and numbers are grouped by kind, not by their (personal, numerous) contents
    const name = type === 'object' || type === 'closure' || type === 'native' ? `${type} ${strings[nodes[i + nameAt]]}` : type;
    const g = groups.get(name) ?? groups.set(name, { name, count: 0, bytes: 0 }).get(name)!;
    g.count++;
    g.bytes += size;
  }
  return { totalBytes, nodes: nodes.length / width, groups };
}

export function readHeapSummary(file: string): HeapSummary {
  return summarizeHeap(JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot);
}

export interface HeapGrowth {
  name: string;
  countBefore: number;
  countAfter: number;
  bytesBefore: number;
  bytesAfter: number;
  deltaBytes: number;
}

/** The groups that grew the most from before to after (and the totals). */
export function diffHeaps(before: HeapSummary, after: HeapSummary, top = 15): { totalDeltaBytes: number; growth: HeapGrowth[] } {
  const names = new Set([...before.groups.keys(), ...after.groups.keys()]);
  const growth = [...names].map((name) => {
    const b = before.groups.get(name);
    const a = after.groups.get(name);
    return {
      name,
      countBefore: b?.count ?? 0,
      countAfter: a?.count ?? 0,
      bytesBefore: b?.bytes ?? 0,
      bytesAfter: a?.bytes ?? 0,
      deltaBytes: (a?.bytes ?? 0) - (b?.bytes ?? 0),
    };
  });
  growth.sort((x, y) => y.deltaBytes - x.deltaBytes);
  return { totalDeltaBytes: after.totalBytes - before.totalBytes, growth: growth.slice(0, top) };
}
