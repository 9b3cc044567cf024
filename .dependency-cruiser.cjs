/**
 * The import rules of the gateway's layers, checked by test/unit/architecture.test.ts
 * (npx depcruise src apis --config .dependency-cruiser.cjs). Type-only imports count too: a
 * loop through types is still a loop for a reader.
 */
const DEV_AIDS = '^src/(sandbox|bench|tools)/';
module.exports = {
  forbidden: [
    {
      name: 'no-import-loops',
      comment: 'No module may reach itself through its imports.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'runtime-never-imports-dev-aids',
      comment:
        'The sandbox, the bench and the tools plug into the runtime from outside (npm start runs src/sandbox/main.ts); the runtime, its entry point src/main.ts included, never loads them.',
      severity: 'error',
      from: { path: '^(src|apis)/', pathNot: DEV_AIDS },
      to: { path: DEV_AIDS },
    },
    {
      name: 'kernel-is-a-leaf',
      comment: 'src/gateway/ holds the contracts every layer uses: it imports only itself and the logger/metrics types.',
      severity: 'error',
      from: { path: '^src/gateway/' },
      to: { path: '^(src|apis)/', pathNot: ['^src/gateway/', '^src/observability/(logger|metrics)\\.ts$'] },
    },
    {
      name: 'policies-never-import-adapters-or-apis',
      severity: 'error',
      from: { path: '^src/policies/' },
      to: { path: ['^src/adapters/', '^src/routing/', '^apis/', '^src/(app|server|main|services)\\.ts$'] },
    },
    {
      name: 'adapters-never-import-apis-policies-or-routing',
      severity: 'error',
      from: { path: '^src/adapters/' },
      to: { path: ['^apis/', '^src/(policies|routing|docs|auth|ops)/', '^src/(app|server|main|services|gateway-config)\\.ts$'] },
    },
    {
      name: 'config-core-knows-no-policy',
      comment: 'Policies and APIs bring their own settings; src/gateway-config.ts assembles them.',
      severity: 'error',
      from: { path: '^src/config/' },
      to: { path: ['^src/(policies|adapters|routing|auth|docs|ops)/', '^apis/', '^src/(app|server|main|services|gateway-config)\\.ts$'] },
    },
    {
      name: 'observability-and-errors-are-low',
      comment: 'The log, the metrics and the error class are used by everything and use nothing above them.',
      severity: 'error',
      from: { path: ['^src/observability/', '^src/errors/(catalog|gateway-error)\\.ts$'] },
      to: { path: ['^src/(policies|adapters|routing|auth|docs|ops|config|sandbox|bench|tools)/', '^apis/', '^src/[^/]+\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|dist)/' },
  },
};
