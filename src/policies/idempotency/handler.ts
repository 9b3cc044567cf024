import crypto from 'node:crypto';
import type { Request, Response } from 'express';
import type { PolicyDefinition } from '../types';
import type { RouteDefinition } from '../../routing/types';
import { GatewayError } from '../../errors/gateway-error';
import type { IdempotencyRecord, IdempotencyStore } from './store';

const KEY_FORMAT = /^[\x21-\x7e]{1,128}$/;
const REPLAYED_HEADERS = ['location'];

/** Stable JSON: the same body with keys in another order is the same request. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

function replay(res: Response, record: IdempotencyRecord): void {
  const r = record.response!;
  res.status(r.status).set(r.headers).set('Idempotent-Replayed', 'true').json(r.body);
}

/**
 * Money-moving routes: a request repeated with the same key (Idempotency-Key, or the route's natural
 * key: refId, IdFacilito) and the same body gets the first answer again and reaches the core once;
 * with another body it is refused (422); a duplicate racing the first waits for its answer, or
 * gets 409 after idempotency.waitForInFlightMs. Answers of 5xx are not final and are not stored.
 */
export const idempotency: PolicyDefinition = {
  name: 'idempotency',
  description: 'Replays the first answer of a repeated money-moving request instead of executing it again.',
  needsBody: true,
  create({ api, config, services }) {
    const store: IdempotencyStore = services.idempotency;
    const waitMs = config.idempotency.waitForInFlightMs;
    return async (req: Request, res: Response, next) => {
      const route = res.locals.operation as RouteDefinition | undefined;
      if (!route?.idempotency) return next();
      const header = req.get('idempotency-key');
      if (header !== undefined && !KEY_FORMAT.test(header)) throw GatewayError.of('INVALID_IDEMPOTENCY_KEY');
      const natural = route.idempotency.naturalKey?.(req);
      const key = header ?? natural;
      if (key === undefined || key === '') return next();
      const source = header !== undefined ? 'Idempotency-Key' : (route.idempotency.keyName ?? 'transaction reference');
      const scope = route.idempotency.scope ?? `${api.name}:${route.operationId}`;
      const fullKey = `${res.locals.client?.clientId}|${scope}|${header !== undefined ? 'h' : 'n'}|${key}`;
      const fingerprint = crypto
        .createHash('sha256')
        .update(route.operationId)
        .update('\n')
        .update(canonicalJson(req.body ?? null))
        .digest('base64url');

      const claim = await store.claim(fullKey, fingerprint);
      if (!claim.claimed) {
        let record: IdempotencyRecord | undefined = claim.record;
        if (record.fingerprint !== fingerprint) {
          throw GatewayError.of('IDEMPOTENCY_KEY_REUSED', `This ${source} (${key}) was already used with a different request; use a new one for a new transaction`);
        }
        if (record.state === 'in-flight') record = await store.waitFor(fullKey, waitMs);
        if (record?.state === 'done') return replay(res, record);
        if (record === undefined) {
          // the first attempt ended without a final answer: this one may try again
          const again = await store.claim(fullKey, fingerprint);
          if (!again.claimed) {
            if (again.record.state === 'done' && again.record.fingerprint === fingerprint) return replay(res, again.record);
            throw GatewayError.of('IDEMPOTENCY_IN_PROGRESS', undefined, { headers: { 'Retry-After': '1' } });
          }
        } else {
          throw GatewayError.of('IDEMPOTENCY_IN_PROGRESS', `A request with this ${source} (${key}) is still being processed; retry later`, {
            headers: { 'Retry-After': '1' },
          });
        }
      }

      // The answer is recorded when it is produced (res.json), not when the socket finishes:
      // a client that hangs up mid-call must not free the key while the core may still apply it.
      const json = res.json.bind(res);
      res.json = (body: unknown) => {
        res.json = json;
        if (res.statusCode < 500) {
          const headers: Record<string, string> = {};
          for (const h of REPLAYED_HEADERS) {
            const v = res.getHeader(h);
            if (typeof v === 'string') headers[h] = v;
          }
          void store.complete(fullKey, { status: res.statusCode, body, headers });
        } else void store.release(fullKey);
        return json(body);
      };
      next();
    };
  },
};
