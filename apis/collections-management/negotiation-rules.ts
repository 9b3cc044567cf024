import { GatewayError } from '../../src/errors/gateway-error';
import type { NegotiationCollection, NegotiationCommand, NegotiationOrigin } from '../../src/adapters/ports/negotiations';
import { CORE_LABEL, CORE_OF, MATRIX, type MatrixRow, type NegotiationCore } from './negotiation-matrix';

/**
 * C2 rules the contract cannot express: which row of the routing matrix a request falls in, the
 * fields that row needs (every missing one named in one answer), its percentage names, and the
 * reduction of the request to the fields of its table.
 */
type Json = Record<string, any>;

const get = (o: unknown, path: string): unknown => path.split('.').reduce<any>((v, k) => (v == null ? undefined : v[k]), o);

function set(o: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = o;
  for (const k of keys.slice(0, -1)) node = node[k] ??= {};
  node[keys[keys.length - 1]] = value;
}

const isMissing = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

const DEFAULT_ROW = MATRIX.find((r) => !r.strategyTypes)!;

/** The matrix row of a clientApp.name x strategyType; a known tool on a core that does not offer it is refused. */
export function resolveRow(origin: NegotiationOrigin, strategyType: string): MatrixRow {
  const row = MATRIX.find((r) => r.strategyTypes?.includes(strategyType) && r.origins.includes(origin));
  if (row) return row;
  if (MATRIX.some((r) => r.strategyTypes?.includes(strategyType))) {
    const tools = MATRIX.filter((r) => r.strategyTypes && r.origins.includes(origin)).flatMap((r) => r.strategyTypes!);
    throw GatewayError.of(
      'BAD_REQUEST',
      `Field collection.strategyType ${strategyType} is not a negotiation tool of ${origin} (${CORE_LABEL[origin]}): use ${tools.join(', ')}, or a new tool code (default mapping)`,
    );
  }
  return DEFAULT_ROW;
}

export const rowLabel = (row: MatrixRow, origin: string, strategyType: string) =>
  `${origin} ${strategyType} negotiations${row.strategyTypes ? '' : ' (default mapping)'}`;

/** Everything wrong with a request for its row, as sentences naming each field. */
export function negotiationProblems(row: MatrixRow, origin: NegotiationOrigin, c: NegotiationCollection): string[] {
  const label = rowLabel(row, origin, c.strategyType);
  const problems: string[] = [];
  for (const f of row.fields) {
    if (row.optionalFor?.[f]?.includes(c.strategyType)) continue;
    if (isMissing(get(c, f))) problems.push(`field collection.${f} is required for ${label}`);
  }
  const seen = new Set<string>();
  (c.intRateInfo?.additionalData ?? []).forEach((d, i) => {
    const at = `collection.intRateInfo.additionalData[${i}]`;
    const name = d.name.trim();
    if (name === '') problems.push(`field ${at}.name is required`);
    else if (row.percentNames && !row.percentNames.includes(name)) {
      problems.push(`field ${at}.name "${d.name}" is not a percentage of ${label} (accepted: ${row.percentNames.join(', ')})`);
    } else if (seen.has(name)) problems.push(`field ${at}.name ${name} is repeated`);
    seen.add(name);
    const v = Number(d.value);
    if (!(v >= 0 && v <= 100)) problems.push(`field ${at}.value must be a percentage between 0 and 100`);
  });
  if (c.startDt && c.endDt && c.endDt < c.startDt) problems.push('field collection.endDt must not be before collection.startDt');
  const org = (c.orgInfo?.govIssueIdent ?? {}) as Json;
  if (org.IdentSerialNum !== undefined && org.identSerialNum !== undefined && String(org.IdentSerialNum) !== String(org.identSerialNum)) {
    problems.push('fields collection.orgInfo.govIssueIdent.IdentSerialNum and identSerialNum differ: send one');
  }
  return problems;
}

/** The request reduced to its table's fields (the default row keeps all), percentage names trimmed. */
export function pickFields(row: MatrixRow, c: NegotiationCollection): NegotiationCollection {
  let out: Json;
  if (row.strategyTypes) {
    out = { strategyType: c.strategyType };
    for (const f of row.fields) {
      const v = get(c, f);
      if (v !== undefined) set(out, f, structuredClone(v));
    }
  } else {
    out = structuredClone(c) as Json;
    const org = out.orgInfo?.govIssueIdent;
    if (org && org.identSerialNum !== undefined) {
      // the table writes IdentSerialNum: the core gets that spelling
      org.IdentSerialNum ??= org.identSerialNum;
      delete org.identSerialNum;
    }
  }
  const data = out.intRateInfo?.additionalData as Array<{ name: string }> | undefined;
  data?.forEach((d) => (d.name = d.name.trim()));
  return out as NegotiationCollection;
}

export interface NegotiationPlan {
  core: NegotiationCore;
  command: NegotiationCommand;
}

/** Validated request -> the core to call and the command to send it; every problem in one 400. */
export function planNegotiation(body: { clientApp: { name: NegotiationOrigin }; collection: NegotiationCollection }): NegotiationPlan {
  const origin = body.clientApp.name;
  const c = body.collection;
  const row = resolveRow(origin, c.strategyType);
  const problems = negotiationProblems(row, origin, c);
  if (problems.length) {
    const text = problems.join('; ');
    throw GatewayError.of('BAD_REQUEST', text.charAt(0).toUpperCase() + text.slice(1));
  }
  return { core: CORE_OF[origin], command: { origin, mapping: row.id, collection: pickFields(row, c) } };
}
