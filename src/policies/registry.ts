import type { PolicyDefinition } from './types';
import { clientIdEnforcement } from './client-id-enforcement/handler';
import { jwtValidation } from './jwt-validation/handler';
import { rateLimiting } from './rate-limiting/handler';
import { jsonThreatProtection } from './json-threat-protection/handler';
import { xInvokerHeaders } from './x-invoker-headers/handler';
import { contractValidation } from './contract-validation/handler';
import { idempotency } from './idempotency/handler';

/** Policies by name; config policies.chain lists the ones applied to every API call, in order. */
export const POLICIES: Record<string, PolicyDefinition> = Object.fromEntries(
  [clientIdEnforcement, jwtValidation, rateLimiting, jsonThreatProtection, xInvokerHeaders, contractValidation, idempotency].map((p) => [p.name, p]),
);

export function resolvePolicies(names: readonly string[]): PolicyDefinition[] {
  return names.map((n) => {
    const p = POLICIES[n];
    if (!p) throw new Error(`policies.chain: unknown policy "${n}" (known: ${Object.keys(POLICIES).join(', ')})`);
    return p;
  });
}
