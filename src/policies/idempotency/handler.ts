import crypto from 'node:crypto';
import { configure } from 'safe-stable-stringify';
import type { Request, Response } from 'express';
import type { PolicyDefinition } from '../../gateway/policy';
import { contextOf } from '../../gateway/request-context';
import { GatewayError } from '../../errors/gateway-error';
import type { IdempotencyRecord, IdempotencyStore } from './store';
import { createIdempotencyStore } from './create-store';
import type { IdempotencySettings } from './schema';

const KEY_FORMAT = /^[\x21-\x7e]{1,128}$/;
const REPLAYED_HEADERS = ['location'];

/**
 * Stable JSON: the same body with keys in another order is the same request. safe-stable-stringify
 * with sorted keys (UTF-16 code-unit order, as Array.prototype.sort): for a parsed JSON body the
 * text is JSON.stringify's with every object's keys sorted (test/unit/policies/hot-path-equivalence).
 */
export const canonicalJson: (v: unknown) => string = configure({ deterministic: true }) as (v: unknown) => string;

/**
 * Sends JSON text as Express's res.json sends the text it serialises (the gateway sets no json
 * replacer, spaces or escape): an answer recorded as text is serialised once, not twice.
 */
function sendJsonText(res: Response, text: string | undefined): Response {
  if (!res.get('Content-Type')) res.set('Content-Type', 'application/json');
  return res.send(text);
}

function replay(res: Response, record: IdempotencyRecord): void {
  const r = record.response!;
  res.status(r.status);
  if (r.headers) res.set(r.headers);
  res.set('Idempotent-Replayed', 'true');
  sendJsonText(res, r.body);
}

interface Key {
  fullKey: string;
  /** How the key is named to the client: IdFacilito, refId, Idempotency-Key... */
  source: string;
  value: string;
}

type Acquired = { claimed: true } | { claimed: false; replay: IdempotencyRecord };

/** Claims one key, or learns the first answer for it (waiting while it is in flight). Throws 422/409. */
async function acquire(store: IdempotencyStore, k: Key, fingerprint: string, waitMs: number): Promise<Acquired> {
  const claim = await store.claim(k.fullKey, fingerprint);
  if (claim.claimed) return claim;
  let record: IdempotencyRecord | undefined = claim.record;
  if (record.fingerprint !== fingerprint) {
    throw GatewayError.of('IDEMPOTENCY_KEY_REUSED', `This ${k.source} (${k.value}) was already used with a different request; use a new one for a new transaction`);
  }
  if (record.state === 'in-flight') record = await store.waitFor(k.fullKey, waitMs);
  if (record?.state === 'done') return { claimed: false, replay: record };
  if (record === undefined) {
    // the first attempt ended without a final answer: this one may try again
    const again = await store.claim(k.fullKey, fingerprint);
    if (again.claimed) return again;
    if (again.record.state === 'done' && again.record.fingerprint === fingerprint) return { claimed: false, replay: again.record };
  }
  throw GatewayError.of('IDEMPOTENCY_IN_PROGRESS', `A request with this ${k.source} (${k.value}) is still being processed; retry later`, {
    headers: { 'Retry-After': '1' },
  });
}

/**
 * Money-moving routes: a request repeated with the same key and the same body gets the first answer
 * again and reaches the core once; with another body it is refused (422); a duplicate racing the
 * first waits for its answer, or gets 409 after idempotency.waitForInFlightMs. Answers of 5xx are
 * not final and are not stored. Both keys count when both are sent: the operation's own transaction
 * reference (refId, IdFacilito...) and the Idempotency-Key header, so neither can be used to slip
 * a repeat past the other.
 */
export const idempotency: PolicyDefinition<IdempotencySettings, IdempotencyStore> = {
  name: 'idempotency',
  description: 'Replays the first answer of a repeated money-moving request instead of executing it again.',
  settingsKey: 'idempotency',
  needsBody: true,
  // one store for the whole gateway
  init: (s, deps) => createIdempotencyStore(s, deps),
  create({ api, settings, state: store }) {
    const waitMs = settings.waitForInFlightMs;
    return async (req: Request, res: Response, next) => {
      const ctx = contextOf(req);
      const route = ctx.route;
      if (!route?.idempotency) return next();
      const header = req.get('idempotency-key');
      if (header !== undefined && !KEY_FORMAT.test(header)) throw GatewayError.of('INVALID_IDEMPOTENCY_KEY');
      const natural = route.idempotency.naturalKey?.(req);
      const scope = `${ctx.client?.clientId}|${route.idempotency.scope ?? `${api.name}:${route.operationId}`}`;
      const keys: Key[] = [];
      if (natural !== undefined && natural !== '') {
        keys.push({ fullKey: `${scope}|n|${natural}`, source: route.idempotency.keyName ?? 'transaction reference', value: natural });
      }
      if (header !== undefined) keys.push({ fullKey: `${scope}|h|${header}`, source: 'Idempotency-Key', value: header });
      if (!keys.length) return next();
      // one-shot digest (crypto.hash): the same SHA-256 as a Hash object fed the same text
      const fingerprint = crypto.hash('sha256', `${route.operationId}\n${canonicalJson(req.body ?? null)}`, 'base64url');

      const claimed: Key[] = [];
      try {
        for (const k of keys) {
          const got = await acquire(store, k, fingerprint, waitMs);
          if (got.claimed) {
            claimed.push(k);
            continue;
          }
          // someone already has the answer: nothing runs, the keys taken here are given back
          await Promise.all(claimed.map((c) => store.release(c.fullKey)));
          return replay(res, got.replay);
        }
      } catch (e) {
        await Promise.all(claimed.map((c) => store.release(c.fullKey)));
        throw e;
      }

      // The answer is recorded when it is produced (res.json), not when the socket finishes:
      // a client that hangs up mid-call must not free the key while the core may still apply it.
      const json = res.json.bind(res);
      res.json = (body: unknown) => {
        res.json = json;
        if (res.statusCode < 500) {
          let headers: Record<string, string> | undefined;
          for (const h of REPLAYED_HEADERS) {
            const v = res.getHeader(h);
            if (typeof v === 'string') (headers ??= {})[h] = v;
          }
          const text = JSON.stringify(body);
          const stored = { status: res.statusCode, body: text ?? 'null', headers };
          for (const k of claimed) void store.complete(k.fullKey, stored);
          return sendJsonText(res, text);
        }
        for (const k of claimed) void store.release(k.fullKey);
        return json(body);
      };
      next();
    };
  },
};
