import type { Request } from 'express';
import type { PolicyDefinition } from '../../gateway/policy';
import type { ApiDefinition, ReferenceRule, RouteDefinition } from '../../gateway/api';
import { contextOf } from '../../gateway/request-context';
import { GatewayError } from '../../errors/gateway-error';
import { createOwnershipStore, type OwnershipStore } from './store';
import { RedisOwnershipStore } from './redis-store';
import type { OwnershipSettings } from './schema';

/** The reference a route creates: its own rule, else its idempotency natural key in that key's scope. */
export function claimedReference(api: ApiDefinition, route: RouteDefinition): ReferenceRule | undefined {
  if (route.ownership?.claims) return route.ownership.claims;
  const rule = route.idempotency;
  if (!rule?.naturalKey) return undefined;
  return { scope: rule.scope ?? `${api.name}:${route.operationId}`, reference: rule.naturalKey, keyName: rule.keyName ?? 'transaction reference' };
}

const valueOf = (rule: ReferenceRule, req: Request): string | undefined => {
  const v = rule.reference(req);
  return v === undefined || v === '' ? undefined : v;
};

/**
 * Every transaction belongs to the client that created it. The cores' references (IdFacilito,
 * refId, a Transfiya pseTrnCode answered...) are global, so before this policy client B sending
 * client A's IdFacilito reached the core and got A's recorded answer, and B could reverse A's
 * withdrawal. Now:
 * - a request that creates a reference records it as the caller's (atomic: set if absent, else
 *   the owner); another client using it gets 422 GW-422-01 (Facilito Resultado 18) worded as any
 *   reused reference, nothing of the other client's, and nothing reaches the core;
 * - a request that refers to an earlier transaction (a reversal) must name one of the caller's:
 *   another client's, or one the gateway does not know, is 404 GW-404-02 (Facilito Resultado 15),
 *   never forwarded: never a replay, never a reversal. Unknown fails closed: after a restart of a
 *   memory store, a reversal of an earlier transaction is refused rather than risked. An unknown
 *   reference is recorded as the caller's, voided, so a late original with it is refused
 *   (422 GW-422-02, Resultado 17), as the core voids a reference it is asked to reverse first.
 * Runs after contract validation (the references are well-formed) and before idempotency.
 */
export const transactionOwnership: PolicyDefinition<OwnershipSettings, OwnershipStore> = {
  name: 'transaction-ownership',
  description: 'Binds every transaction reference to the client that created it; another client gets no replay and no reversal.',
  settingsKey: 'ownership',
  needsBody: true,
  init: (s, deps) => createOwnershipStore(s.store, s.maxEntries, () => new RedisOwnershipStore(deps), s.maxBytes),
  close: async (store) => store.close?.(),
  create({ api, settings, state: store }) {
    const ttlMs = settings.ttlSeconds * 1000;
    const claims = new Map(api.routes.map((r) => [r, claimedReference(api, r)]));
    return async (req, _res, next) => {
      const ctx = contextOf(req);
      const route = ctx.route;
      const clientId = ctx.client?.clientId;
      if (!route || clientId === undefined) return next();
      const refers = route.ownership?.refersTo;
      const earlier = refers && valueOf(refers, req);
      if (refers && earlier !== undefined) {
        const owner = await store.claim(refers.scope, earlier, { clientId, voided: true }, ttlMs);
        // another client's and an unknown one are answered alike: nothing tells them apart
        if (owner.clientId !== clientId || owner.voided) {
          throw GatewayError.of(
            'TRANSACTION_NOT_FOUND',
            `No transaction with ${refers.keyName} ${earlier} is known for this client, so nothing was reversed. ` +
              `${refers.keyName} ${earlier} is now void for this client: a late or repeated original with it will be refused`,
          );
        }
      }
      const rule = claims.get(route);
      const ref = rule && valueOf(rule, req);
      if (rule && ref !== undefined) {
        const owner = await store.claim(rule.scope, ref, { clientId }, ttlMs);
        if (owner.clientId !== clientId) {
          throw GatewayError.of('IDEMPOTENCY_KEY_REUSED', `This ${rule.keyName} (${ref}) was already used for another transaction; use a new one for a new transaction`);
        }
        if (owner.voided) {
          throw GatewayError.of(
            'TRANSACTION_VOIDED',
            `${rule.keyName} ${ref} was voided by a reversal before it was applied; no money moved. Use a new ${rule.keyName} for a new transaction`,
          );
        }
      }
      next();
    };
  },
};
