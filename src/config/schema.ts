/**
 * The gateway's core settings: every key has a doc, a default and (where it makes sense) an
 * environment variable. Profiles in config/<env>.json override defaults; env vars override both.
 * Each policy's settings come from its own folder (policies.<name>), each API's from its own.
 */
import { BACKENDS, BACKEND_ENV, type BackendName } from '../gateway/backends';
import { nonNegativeInt, optionalRedisUrl, optionalUrl, percent, positiveInt } from './formats';
import type { SchemaValue } from './schema-types';

function backendSchema(name: BackendName) {
  const env = `GATEWAY_BACKEND_${BACKEND_ENV[name]}`;
  return {
    baseUrl: {
      doc: `Base URL of the ${name} core. Empty in the sandbox profile: the simulated core's loopback URL is used.`,
      format: optionalUrl,
      default: '',
      env: `${env}_URL`,
    },
    timeoutMs: {
      doc: `Per-call timeout for ${name}; the HTTP request is aborted when it expires.`,
      format: positiveInt,
      default: 8000,
      env: `${env}_TIMEOUT_MS`,
    },
    maxSockets: {
      doc: `Keep-alive socket pool size towards ${name}.`,
      format: positiveInt,
      default: 128,
      env: `${env}_MAX_SOCKETS`,
    },
    breaker: {
      errorThresholdPercentage: {
        doc: `Failure percentage over the rolling window that opens the ${name} breaker.`,
        format: percent,
        default: 50,
        env: `${env}_BREAKER_ERROR_PERCENT`,
      },
      volumeThreshold: {
        doc: `Minimum calls in the rolling window before the ${name} breaker may open (a single failure never opens it).`,
        format: positiveInt,
        default: 10,
        env: `${env}_BREAKER_VOLUME`,
      },
      resetTimeoutMs: {
        doc: `Time the ${name} breaker stays open before letting one half-open probe through.`,
        format: positiveInt,
        default: 10000,
        env: `${env}_BREAKER_RESET_MS`,
      },
      rollingCountTimeoutMs: {
        doc: `Length of the rolling statistics window of the ${name} breaker.`,
        format: positiveInt,
        default: 10000,
        env: `${env}_BREAKER_WINDOW_MS`,
      },
    },
  };
}

/** The sandbox admin API's demo credentials (public, like the demo client's). */
export const SANDBOX_ADMIN = { user: 'sandbox-admin', secret: 'sandbox-admin-secret-change-me' } as const;

/** The sandbox's public pepper: qa and prod refuse to start with it (src/config/load-config.ts). */
export const SANDBOX_PEPPER = 'sandbox-pepper-public-never-use-outside-the-sandbox';

const backends = Object.fromEntries(BACKENDS.map((b) => [b, backendSchema(b)])) as {
  [K in BackendName]: ReturnType<typeof backendSchema>;
};

export const coreSchema = {
  env: {
    doc: 'Profile: sandbox (default, embedded simulated cores), qa, prod, bench or test.',
    format: ['sandbox', 'qa', 'prod', 'bench', 'test'],
    default: 'sandbox',
    env: 'GATEWAY_ENV',
  },
  server: {
    host: {
      doc: 'Interface the HTTP listener binds to. The sandbox profile binds 127.0.0.1 (config/sandbox.json); the image sets HOST=0.0.0.0.',
      format: String,
      default: '0.0.0.0',
      env: 'HOST',
    },
    port: { doc: 'HTTP listener port (0 picks a free one).', format: 'port', default: 8081, env: 'PORT' },
    tls: {
      certFile: {
        doc: 'PEM certificate; with keyFile, an HTTPS listener is started as well.',
        format: String,
        default: '',
        env: 'GATEWAY_TLS_CERT_FILE',
      },
      keyFile: { doc: 'PEM private key of the HTTPS listener.', format: String, default: '', env: 'GATEWAY_TLS_KEY_FILE' },
      port: { doc: 'HTTPS listener port.', format: 'port', default: 8443, env: 'HTTPS_PORT' },
    },
    trustProxy: {
      doc: 'Express trust proxy setting (hops), used for the client IP in logs and rate limits.',
      format: nonNegativeInt('server.trustProxy'),
      default: 0,
      env: 'GATEWAY_TRUST_PROXY',
    },
    shutdownGraceMs: {
      doc: 'How long in-flight requests may run after SIGTERM before the process exits.',
      format: positiveInt,
      default: 10000,
      env: 'GATEWAY_SHUTDOWN_GRACE_MS',
    },
  },
  publicUris: {
    sandbox: {
      doc: 'Base URI of the sandbox environment as partners see it (printed in docs and QA kit).',
      format: String,
      default: 'http://localhost:8081',
      env: 'GATEWAY_URI_SANDBOX',
    },
    qa: {
      doc: 'Base URI of the QA environment.',
      format: String,
      default: 'https://bank-gateway-qa.example.invalid',
      env: 'GATEWAY_URI_QA',
    },
    prod: {
      doc: 'Base URI of the production environment.',
      format: String,
      default: 'https://bank-gateway.example.invalid',
      env: 'GATEWAY_URI_PROD',
    },
  },
  log: {
    level: {
      doc: 'Log level (error, warn, info, debug).',
      format: ['error', 'warn', 'info', 'debug', 'silent'],
      default: 'info',
      env: 'LOG_LEVEL',
    },
    file: { doc: 'Write JSON log lines to this file instead of stdout.', format: String, default: '', env: 'LOG_FILE' },
  },
  clients: {
    file: {
      doc: 'JSON file with the client application registry (client_id, secretHash, status, apis, tier). Required outside the sandbox.',
      format: String,
      default: '',
      env: 'GATEWAY_CLIENTS_FILE',
    },
    sandboxClientId: {
      doc: 'client_id of the sandbox demo client (sandbox profile only).',
      format: String,
      default: 'sandbox-demo-client',
      env: 'GATEWAY_SANDBOX_CLIENT_ID',
    },
    sandboxClientSecret: {
      doc: 'client_secret of the sandbox demo client; hashed at start-up, never stored in clear.',
      format: String,
      default: 'sandbox-demo-secret-change-me',
      env: 'GATEWAY_SANDBOX_CLIENT_SECRET',
      sensitive: true,
    },
    secretPepper: {
      doc:
        'Server-side key of the HMAC-SHA256 that client secrets are stored as (npm run hash-secret). Required in qa/prod (32+ characters, from a secret store, never committed); the sandbox default is public.',
      format: String,
      default: SANDBOX_PEPPER,
      env: 'GATEWAY_CLIENT_SECRET_PEPPER',
      sensitive: true,
    },
    verifiedCacheSize: {
      doc: 'How many verified (client_id, secret) pairs are remembered so the HMAC is not recomputed per request.',
      format: positiveInt,
      default: 10000,
      env: 'GATEWAY_CLIENT_CACHE_SIZE',
    },
    failedAuth: {
      perClientId: {
        doc: 'Failed client authentications a client_id may take per window; then 429 before any hashing until the window ends.',
        format: positiveInt,
        default: 20,
        env: 'GATEWAY_AUTH_FAILURES_PER_CLIENT',
      },
      perSource: {
        doc: 'Failed client authentications a source address may make per window; then 429 before any hashing until the window ends.',
        format: positiveInt,
        default: 20,
        env: 'GATEWAY_AUTH_FAILURES_PER_SOURCE',
      },
      windowSeconds: { doc: 'Window of the failed-authentication counters, in seconds.', format: positiveInt, default: 60, env: 'GATEWAY_AUTH_FAILURES_WINDOW_SECONDS' },
      store: {
        doc: 'Failed-authentication counter store: memory (per instance); a shared store plugs in through createFailureCounter.',
        format: ['memory'],
        default: 'memory',
        env: 'GATEWAY_AUTH_FAILURES_STORE',
      },
    },
  },
  auth: {
    issuer: { doc: 'Expected (and, when issuing, written) JWT iss.', format: String, default: 'https://sandbox.bank-gateway.local', env: 'JWT_ISSUER' },
    audience: { doc: 'Expected JWT aud.', format: String, default: 'bank-api-gateway', env: 'JWT_AUDIENCE' },
    algorithms: {
      doc: 'Accepted JWT algorithms (asymmetric only: RS256, RS384, RS512, ES256, ES384, PS256).',
      format: 'jwt-algorithms',
      default: ['RS256'],
      env: 'JWT_ALGORITHMS',
    },
    issueTokens: {
      doc: 'Serve POST /oauth/token (client-credentials grant) signed with a local key.',
      format: Boolean,
      default: true,
      env: 'GATEWAY_ISSUE_TOKENS',
    },
    signingKeyFile: {
      doc: 'PEM private key used to sign tokens; empty in the sandbox generates an ephemeral key at start-up.',
      format: String,
      default: '',
      env: 'JWT_SIGNING_KEY_FILE',
    },
    publicKeyFile: {
      doc: 'PEM public key of an external token issuer (qa/prod).',
      format: String,
      default: '',
      env: 'JWT_PUBLIC_KEY_FILE',
    },
    jwksUri: {
      doc: 'JWKS URL of an external token issuer (qa/prod); keys are cached.',
      format: optionalUrl,
      default: '',
      env: 'JWT_JWKS_URI',
    },
    tokenTtlSeconds: { doc: 'Lifetime of issued access tokens.', format: positiveInt, default: 3600, env: 'JWT_TTL_SECONDS' },
    clockToleranceSeconds: { doc: 'Allowed clock skew for exp/nbf.', format: nonNegativeInt('auth.clockToleranceSeconds'), default: 5, env: 'JWT_CLOCK_TOLERANCE_SECONDS' },
    verifiedCacheSize: { doc: 'Verified tokens remembered until they expire.', format: positiveInt, default: 10000, env: 'JWT_CACHE_SIZE' },
  },
  redis: {
    url: {
      doc: 'The shared store of a fleet of replicas: redis:// or rediss:// (TLS) URL, with user:password@ and /db when needed. Required when a store is redis; never used otherwise.',
      format: optionalRedisUrl,
      default: '',
      env: 'GATEWAY_REDIS_URL',
    },
    prefix: {
      doc: 'Prefix of every key the gateway writes in Redis (one per environment when several share a Redis; every replica of one gateway uses the same).',
      format: String,
      default: 'bank-gw:',
      env: 'GATEWAY_REDIS_PREFIX',
    },
    connectTimeoutMs: {
      doc: 'How long one connection attempt to Redis may take; the gateway keeps reconnecting after it (backoff up to 2 s) and recovers without a restart.',
      format: positiveInt,
      default: 2000,
      env: 'GATEWAY_REDIS_CONNECT_TIMEOUT_MS',
    },
    commandTimeoutMs: {
      doc: 'How long one Redis command may take before it counts as failed (a money-moving call is then refused with 503, not sent).',
      format: positiveInt,
      default: 500,
      env: 'GATEWAY_REDIS_COMMAND_TIMEOUT_MS',
    },
  },
  backends,
  sandbox: {
    enabled: {
      doc: 'Start the simulated cores on loopback and point every backend without a baseUrl at them.',
      format: Boolean,
      default: true,
      env: 'GATEWAY_SANDBOX',
    },
    host: {
      doc: 'Interface the simulated cores bind to: loopback; 0.0.0.0 only for the cores-only service (npm run sandbox:cores in docker-compose).',
      format: String,
      default: '127.0.0.1',
      env: 'GATEWAY_SANDBOX_HOST',
    },
    port: { doc: 'Port of the simulated cores (0 picks a free one).', format: 'port', default: 0, env: 'GATEWAY_SANDBOX_PORT' },
    faultInjection: {
      doc: 'Honour X-Sandbox-Fault headers and the /sandbox/faults admin API (sandbox profile only).',
      format: Boolean,
      default: true,
      env: 'GATEWAY_SANDBOX_FAULTS',
    },
    adminUser: {
      doc: 'User of the sandbox admin API (/sandbox/faults, /sandbox/otp), sent as HTTP Basic; printed at start-up.',
      format: String,
      default: SANDBOX_ADMIN.user,
      env: 'GATEWAY_SANDBOX_ADMIN_USER',
    },
    adminSecret: {
      doc: 'Password of the sandbox admin API (HTTP Basic); printed at start-up and in the sandbox portal like the demo client.',
      format: String,
      default: SANDBOX_ADMIN.secret,
      env: 'GATEWAY_SANDBOX_ADMIN_SECRET',
      sensitive: true,
    },
  },
};

/** The settings of the core sections; policies and APIs bring their own (see src/gateway-config.ts). */
export type CoreConfig = Readonly<SchemaValue<typeof coreSchema>>;

export type BackendConfig = CoreConfig['backends'][BackendName];
