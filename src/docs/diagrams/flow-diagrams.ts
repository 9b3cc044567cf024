import type { DocApi } from '../model/contract-model';
import { FLOWS, type Flow } from '../model/flows';
import { diagramKey, sequenceSource } from './mermaid';
import DIAGRAMS from './sequence-svgs.json';

/**
 * The flows' sequence diagrams as SVG, rendered when the portal is built (npm run docs:diagrams,
 * src/docs/diagrams/generate.ts) and committed: the gateway only serves them, nothing is drawn or
 * fetched at run time. test/docs fails when a flow changed and its diagram was not rendered again.
 */
export interface Diagram {
  source: string;
  svg: string;
  width: number;
  height: number;
}

const RENDERED = DIAGRAMS as Record<string, { source: string; svg: string }>;

export function diagramSources(apis: DocApi[]): Array<{ key: string; source: string }> {
  return apis.flatMap((api) => (FLOWS[api.name] ?? []).filter((f) => f.sequence).map((f) => ({ key: diagramKey(api.name, f), source: sequenceSource(api, f) })));
}

export function diagramOf(api: string, flow: Flow): Diagram | undefined {
  const d = RENDERED[diagramKey(api, flow)];
  if (!d) return undefined;
  const size = (name: string) => Math.ceil(Number(new RegExp(`^<svg[^>]* ${name}="([0-9.]+)"`).exec(d.svg)?.[1] ?? 0));
  return { ...d, width: size('width'), height: size('height') };
}

export const renderedDiagram = (key: string): string | undefined => RENDERED[key]?.svg;
