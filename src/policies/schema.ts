import '../config/formats';
/**
 * policies.*: the chain every API call passes through, and the body limit and CORS of the API
 * routers. Each policy's own settings are its folder's schema.ts, merged by the registry.
 */
export const chainSettings = {
  chain: {
    doc: 'Ordered list of policies every API call passes through (names from src/policies/registry.ts).',
    format: 'string-list',
    env: 'GATEWAY_POLICY_CHAIN',
    default: [
      'client-id-enforcement',
      'jwt-validation',
      'rate-limiting',
      'json-threat-protection',
      'x-invoker-headers',
      'contract-validation',
      'transaction-ownership',
      'idempotency',
    ],
  },
  bodyLimit: { doc: 'Maximum request body size (bytes or "100kb").', format: String, default: '100kb', env: 'GATEWAY_BODY_LIMIT' },
  cors: {
    origins: {
      doc: 'Origins allowed to call the APIs from a browser (empty list: no CORS).',
      format: Array,
      default: [],
      env: 'GATEWAY_CORS_ORIGINS',
    },
  },
};
