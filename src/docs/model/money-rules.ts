import type { Request } from 'express';
import { fieldSchema, type DocOperation } from './contract-model';

/**
 * What makes a money-moving operation safe to repeat, read from the route table: the fields of the
 * body its natural idempotency key is made of (found by changing each field of the contract's
 * example and watching the key), or the Idempotency-Key header when the body carries no reference.
 */
export interface IdempotencyFacts {
  moneyMoving: boolean;
  /** Body fields the operation's own transaction reference is made of (refId, IdFacilito...). */
  keyFields: string[];
  /** The Idempotency-Key header is the only key (the body has no reference). */
  headerOnly: boolean;
  /** Another operation shares the key space (IdFacilito names one transaction of any kind). */
  scope?: string;
}

function leafPaths(v: unknown, prefix = ''): string[] {
  if (Array.isArray(v)) return [];
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leafPaths(x, prefix ? `${prefix}.${k}` : k));
  return prefix ? [prefix] : [];
}

/** The body with one field changed: each other value of an enumerated field, or a different value. */
function variantsAt(op: DocOperation, body: unknown, path: string): unknown[] {
  const parts = path.split('.');
  const at = (copy: any) => {
    let cur = copy;
    for (const p of parts.slice(0, -1)) cur = cur[p];
    return cur;
  };
  const k = parts[parts.length - 1];
  const current = at(body)[k];
  const alternatives: unknown[] = (fieldSchema(op, path)?.enum ?? []).filter((v: unknown) => v !== current);
  alternatives.push(typeof current === 'number' ? current + 1 : `${String(current)}9`);
  return alternatives.map((v) => {
    const copy = JSON.parse(JSON.stringify(body));
    at(copy)[k] = v;
    return copy;
  });
}

const fakeRequest = (body: unknown) => ({ body, get: () => undefined, header: () => undefined }) as unknown as Request;

export function idempotencyFacts(op: DocOperation): IdempotencyFacts {
  const rule = op.route?.idempotency;
  const moneyMoving = Boolean(op.route?.moneyMoving);
  if (!rule) return { moneyMoving, keyFields: [], headerOnly: false };
  const example = op.bodyExamples.find((e) => e.runnable)?.value;
  const keyFields: string[] = [];
  if (rule.naturalKey && example !== undefined) {
    const keyOf = (body: unknown) => {
      try {
        return rule.naturalKey!(fakeRequest(body));
      } catch {
        return undefined;
      }
    };
    const key = keyOf(example);
    for (const p of leafPaths(example)) if (variantsAt(op, example, p).some((v) => keyOf(v) !== key)) keyFields.push(p);
  }
  return { moneyMoving, keyFields, headerOnly: !rule.naturalKey, scope: rule.scope };
}
