/**
 * Policies by name, and the settings they bring. Adding a policy: its folder
 * (schema.ts, handler.ts, its state) plus one entry in each list below.
 */
import type { PolicyDefinition } from '../gateway/policy';
import { chainSettings } from './schema';
import { clientIdEnforcement } from './client-id-enforcement/handler';
import { jwtValidation } from './jwt-validation/handler';
import { rateLimiting } from './rate-limiting/handler';
import { rateLimitSettings } from './rate-limiting/schema';
import { jsonThreatProtection } from './json-threat-protection/handler';
import { jsonThreatSettings } from './json-threat-protection/schema';
import { xInvokerHeaders } from './x-invoker-headers/handler';
import { invokerSettings } from './x-invoker-headers/schema';
import { contractValidation } from './contract-validation/handler';
import { validationSettings } from './contract-validation/schema';
import { idempotency } from './idempotency/handler';
import { transactionOwnership } from './transaction-ownership/handler';
import { ownershipSettings } from './transaction-ownership/schema';
import { idempotencySettings } from './idempotency/schema';

/** config policies.chain lists the ones applied to every API call, in order. */
export const POLICIES: Record<string, PolicyDefinition> = Object.fromEntries(
  [clientIdEnforcement, jwtValidation, rateLimiting, jsonThreatProtection, xInvokerHeaders, contractValidation, transactionOwnership, idempotency].map((p) => [p.name, p]),
);

/** The `policies` section of the configuration: the chain, then each policy's own settings. */
export const policiesSchema = {
  ...chainSettings,
  ...rateLimitSettings,
  ...jsonThreatSettings,
  ...invokerSettings,
  ...validationSettings,
  ...ownershipSettings,
  ...idempotencySettings,
};

export function resolvePolicies(names: readonly string[]): PolicyDefinition[] {
  return names.map((n) => {
    const p = POLICIES[n];
    if (!p) throw new Error(`policies.chain: unknown policy "${n}" (known: ${Object.keys(POLICIES).join(', ')})`);
    return p;
  });
}

/** A policy's section of `policies` (undefined when it has none). */
export function settingsOf(policy: PolicyDefinition, policies: Record<string, unknown>): unknown {
  return policy.settingsKey === undefined ? undefined : policies[policy.settingsKey];
}
