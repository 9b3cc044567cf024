import crypto from 'node:crypto';
import fs from 'node:fs';
import { LRUCache } from 'lru-cache';
import { GatewayError } from '../errors/gateway-error';
import { SecretHasher, digestOf, isLegacyScryptHash, isSecretHash } from './secret-hash';
import { FailedAuthThrottle, type FailedAuthSettings } from './failed-auth-throttle';
import { API_NAMES, type ApiName } from '../gateway/api-names';
import type { ClientApp, ClientAuthenticator, ClientStatus } from '../gateway/client';

export type { ClientApp, ClientStatus } from '../gateway/client';

export interface RegistryOptions {
  /** Verifies secrets against the stored HMAC digests (its pepper is the gateway's). */
  hasher: SecretHasher;
  throttle?: FailedAuthSettings;
  /** Verified (client_id, secret) pairs remembered so the HMAC is not recomputed per request. */
  cacheSize?: number;
}

/** The throttle of a registry built without settings (tests): the defaults of the configuration. */
export const DEFAULT_FAILED_AUTH: FailedAuthSettings = { perClientId: 20, perSource: 20, windowSeconds: 60, store: 'memory' };

const INVALID = 'Invalid client credentials: unknown client_id or wrong client_secret';

/**
 * The registry of client applications (client-id enforcement). A check costs one HMAC and a
 * constant-time compare whether the client_id is unknown (compared against a dummy digest), the
 * secret wrong or right: nothing in the time tells an unknown client from a wrong secret. A
 * verified pair is remembered as a one-shot SHA-256 over a random per-process key and the
 * secret (crypto.hash: an Hmac object costs ~7 µs per request in the bench's profile); a cache
 * hit needs the right secret, so it tells an attacker nothing. Failed attempts are throttled
 * per client_id and per source address before any hashing.
 */
export class ClientRegistry implements ClientAuthenticator {
  private readonly clients = new Map<string, { app: ClientApp; digest: Buffer }>();
  private readonly hasher: SecretHasher;
  private readonly throttle: FailedAuthThrottle;
  private readonly dummy = crypto.randomBytes(32);
  private readonly cacheKey = crypto.randomBytes(32).toString('base64');
  private readonly verified: LRUCache<string, Buffer>;

  constructor(clients: ClientApp[], opts: RegistryOptions) {
    this.hasher = opts.hasher;
    this.throttle = new FailedAuthThrottle(opts.throttle ?? DEFAULT_FAILED_AUTH);
    this.verified = new LRUCache({ max: opts.cacheSize ?? 10_000 });
    for (const c of clients) this.add(c);
  }

  add(client: ClientApp): void {
    if (isLegacyScryptHash(client.secretHash)) {
      throw new Error(
        `client ${client.clientId}: secretHash is in the old scrypt format, no longer accepted (a wrong secret cost a scrypt: a timing oracle and a CPU drain); ` +
          'hash its secret again with `npm run hash-secret` and the gateway pepper (GATEWAY_CLIENT_SECRET_PEPPER)',
      );
    }
    if (!isSecretHash(client.secretHash)) throw new Error(`client ${client.clientId}: secretHash is not an hmac-sha256 hash (npm run hash-secret prints one)`);
    for (const api of client.apis) if (!API_NAMES.includes(api)) throw new Error(`client ${client.clientId}: unknown API ${api}`);
    this.clients.set(client.clientId, { app: Object.freeze({ ...client, apis: [...client.apis] }), digest: digestOf(client.secretHash) });
    this.verified.delete(client.clientId);
  }

  get(clientId: string): ClientApp | undefined {
    return this.clients.get(clientId)?.app;
  }

  list(): ClientApp[] {
    return [...this.clients.values()].map((c) => c.app);
  }

  setStatus(clientId: string, status: ClientStatus): void {
    const c = this.clients.get(clientId);
    if (!c) throw new Error(`unknown client ${clientId}`);
    this.add({ ...c.app, status });
  }

  private remembered(secret: string): Buffer {
    return crypto.hash('sha256', `${this.cacheKey}${secret}`, 'buffer');
  }

  /**
   * Checks id + secret (source: the caller's address, for the throttle); returns the client or
   * throws the envelope error. The status is checked after the secret.
   */
  async authenticate(clientId: string | undefined, secret: string | undefined, source?: string): Promise<ClientApp> {
    if (!clientId || !secret) throw GatewayError.of('MISSING_CLIENT_CREDENTIALS');
    await this.throttle.check(clientId, source);
    const entry = this.clients.get(clientId);
    const mark = this.remembered(secret);
    const known = entry && this.verified.get(clientId);
    let ok = known !== undefined && crypto.timingSafeEqual(known, mark);
    if (!ok) {
      // the same work for an unknown client_id as for a known one
      const match = this.hasher.verify(secret, entry?.digest ?? this.dummy);
      ok = match && entry !== undefined;
      if (ok) this.verified.set(clientId, mark);
    }
    if (!ok || !entry) {
      await this.throttle.failed(clientId, source);
      throw GatewayError.of('INVALID_CLIENT', INVALID);
    }
    const client = entry.app;
    if (client.status !== 'active') throw GatewayError.of('CLIENT_REVOKED', `The client application ${clientId} is ${client.status}`);
    return client;
  }

  static assertContracted(client: ClientApp, api: ApiName): void {
    if (!client.apis.includes(api)) {
      throw GatewayError.of('CLIENT_NOT_CONTRACTED', `The client application ${client.clientId} is not contracted to the ${api} API`);
    }
  }
}

export interface RegistrySource {
  env: string;
  file: string;
  sandboxClientId: string;
  sandboxClientSecret: string;
  pepper: string;
  failedAuth?: FailedAuthSettings;
  cacheSize: number;
}

/** Loads the registry: the clients file (hashed secrets only) plus, in the sandbox, the demo client. */
export function loadClientRegistry(src: RegistrySource): ClientRegistry {
  const hasher = new SecretHasher(src.pepper);
  const clients: ClientApp[] = [];
  if (src.file) {
    const raw = JSON.parse(fs.readFileSync(src.file, 'utf8')) as { clients?: ClientApp[] };
    for (const c of raw.clients ?? []) clients.push(c);
  }
  if (src.env === 'sandbox' || src.env === 'test' || src.env === 'bench') {
    clients.push({
      clientId: src.sandboxClientId,
      name: 'Sandbox demo client',
      secretHash: hasher.hash(src.sandboxClientSecret),
      status: 'active',
      apis: [...API_NAMES],
      tier: 'gold',
    });
  }
  return new ClientRegistry(clients, { hasher, throttle: src.failedAuth, cacheSize: src.cacheSize });
}
