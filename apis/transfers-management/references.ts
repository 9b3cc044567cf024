import crypto from 'node:crypto';
import type { OperationContext } from '../../src/gateway/api';

const OK = { value: 'OK' } as const;
export const ok = <T extends object>(status: number, body: T = {} as T) => ({ status, body: { responseType: OK, ...body } });

/**
 * The reference a core deduplicates on, for operations whose body has none (T6, T9, T14): the
 * client's Idempotency-Key (per client, so two clients' keys never meet), or a fresh one.
 */
export function operationReference(ctx: OperationContext): string {
  const key = ctx.req.get('idempotency-key');
  if (key) return `${ctx.client?.clientId ?? 'anonymous'}:${key}`;
  return `GW-${crypto.randomUUID()}`;
}
