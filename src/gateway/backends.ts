/**
 * The core systems the gateway forwards to: one row per back end. Its configuration keys
 * (backends.<name>.*), its env vars (GATEWAY_BACKEND_<ENV>_*), the name clients see in a 503/504
 * envelope and in /ready, and the simulated core's prefix all come from this table.
 */
export const BACKEND_TABLE = [
  { name: 'bankmaster', displayName: 'BANKMASTER', env: 'BANKMASTER' },
  { name: 'starlt', displayName: 'STARLT', env: 'STARLT' },
  { name: 'opencard', displayName: 'OPENCARD', env: 'OPENCARD' },
  { name: 'transfiya', displayName: 'TRANSFIYA', env: 'TRANSFIYA' },
  { name: 'decisionEngine', displayName: 'DECISION_ENGINE', env: 'DECISION_ENGINE' },
  { name: 'agreements', displayName: 'AGREEMENTS', env: 'AGREEMENTS' },
  { name: 'investmentFunds', displayName: 'INVESTMENT_FUNDS', env: 'INVESTMENT_FUNDS' },
] as const;

export type BackendName = (typeof BACKEND_TABLE)[number]['name'];

export const BACKENDS: readonly BackendName[] = BACKEND_TABLE.map((b) => b.name);

export const DISPLAY_NAMES = Object.fromEntries(BACKEND_TABLE.map((b) => [b.name, b.displayName])) as Record<BackendName, string>;

export const BACKEND_ENV = Object.fromEntries(BACKEND_TABLE.map((b) => [b.name, b.env])) as Record<BackendName, string>;
