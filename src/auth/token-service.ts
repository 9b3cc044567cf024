import crypto, { KeyObject } from 'node:crypto';
import fs from 'node:fs';
import jwt, { JwtPayload } from 'jsonwebtoken';
import { JwksClient } from 'jwks-rsa';
import { LRUCache } from 'lru-cache';
import { GatewayError } from '../errors/gateway-error';
import type { ClientApp, TokenVerifier } from '../gateway/client';

export interface TokenServiceOptions {
  issuer: string;
  audience: string;
  algorithms: string[];
  ttlSeconds: number;
  clockToleranceSeconds: number;
  issueTokens: boolean;
  signingKeyFile?: string;
  publicKeyFile?: string;
  jwksUri?: string;
  cacheSize: number;
}

export interface AccessTokenClaims extends JwtPayload {
  client_id: string;
  scope?: string;
}

/**
 * Issues (sandbox) and verifies access tokens. Keys are KeyObjects built once: verifying with a
 * PEM string re-parses it on every call. Verified tokens are remembered until they expire.
 */
export class TokenService implements TokenVerifier {
  private signingKey?: KeyObject;
  private readonly verifyKeys = new Map<string, KeyObject>();
  private defaultVerifyKey?: KeyObject;
  private kid?: string;
  private jwks?: JwksClient;
  private readonly cache: LRUCache<string, AccessTokenClaims>;

  private constructor(private readonly opts: TokenServiceOptions) {
    this.cache = new LRUCache({ max: opts.cacheSize });
  }

  static create(opts: TokenServiceOptions): TokenService {
    const svc = new TokenService(opts);
    if (opts.signingKeyFile) {
      svc.signingKey = crypto.createPrivateKey(fs.readFileSync(opts.signingKeyFile));
    } else if (opts.issueTokens) {
      // sandbox: an ephemeral key, new at every start
      svc.signingKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    }
    if (svc.signingKey) {
      const pub = crypto.createPublicKey(svc.signingKey);
      svc.kid = crypto.createHash('sha256').update(pub.export({ format: 'der', type: 'spki' })).digest('base64url').slice(0, 16);
      svc.verifyKeys.set(svc.kid, pub);
      svc.defaultVerifyKey = pub;
    }
    if (opts.publicKeyFile) svc.defaultVerifyKey = crypto.createPublicKey(fs.readFileSync(opts.publicKeyFile));
    if (opts.jwksUri) svc.jwks = new JwksClient({ jwksUri: opts.jwksUri, cache: true, cacheMaxAge: 10 * 60_000, rateLimit: true, timeout: 5000 });
    return svc;
  }

  get canIssue(): boolean {
    return Boolean(this.opts.issueTokens && this.signingKey);
  }

  /** A token for the client; its scope names the APIs it may call (by default every contracted one). */
  issue(client: ClientApp, ttlSeconds = this.opts.ttlSeconds, scope: readonly string[] = client.apis): { token: string; expiresIn: number; scope: string } {
    if (!this.signingKey) throw new Error('token issuing is not configured');
    const token = jwt.sign({ client_id: client.clientId, scope: scope.join(' ') }, this.signingKey, {
      algorithm: this.opts.algorithms[0] as jwt.Algorithm,
      expiresIn: ttlSeconds,
      issuer: this.opts.issuer,
      audience: this.opts.audience,
      subject: client.clientId,
      jwtid: crypto.randomUUID(),
      keyid: this.kid,
    });
    return { token, expiresIn: ttlSeconds, scope: scope.join(' ') };
  }

  /** Public keys in JWK form, served at /.well-known/jwks.json when this gateway issues tokens. */
  jwksDocument(): { keys: object[] } {
    return {
      keys: [...this.verifyKeys.entries()].map(([kid, key]) => ({
        ...key.export({ format: 'jwk' }),
        kid,
        use: 'sig',
        alg: this.opts.algorithms[0],
      })),
    };
  }

  private async keyFor(header: jwt.JwtHeader): Promise<KeyObject> {
    if (header.kid && this.verifyKeys.has(header.kid)) return this.verifyKeys.get(header.kid)!;
    if (this.jwks) {
      try {
        const key = await this.jwks.getSigningKey(header.kid);
        const obj = crypto.createPublicKey(key.getPublicKey());
        if (header.kid) this.verifyKeys.set(header.kid, obj);
        return obj;
      } catch {
        throw GatewayError.of('INVALID_TOKEN', 'Invalid access token: signing key not recognised');
      }
    }
    if (this.defaultVerifyKey) return this.defaultVerifyKey;
    throw GatewayError.of('INVALID_TOKEN', 'Invalid access token: no verification key configured');
  }

  /** The claims of a token verified before and not expired since, or undefined (then call verify). */
  cached(token: string): AccessTokenClaims | undefined {
    const claims = this.cache.get(token);
    if (claims && (claims.exp as number) + this.opts.clockToleranceSeconds < Date.now() / 1000) {
      this.cache.delete(token);
      return undefined;
    }
    return claims;
  }

  async verify(token: string): Promise<AccessTokenClaims> {
    const cached = this.cached(token);
    if (cached) return cached;
    const decoded = jwt.decode(token, { complete: true });
    if (!decoded || typeof decoded.payload === 'string') throw GatewayError.of('INVALID_TOKEN', 'Invalid access token: not a JWT');
    if (!this.opts.algorithms.includes(decoded.header.alg)) {
      throw GatewayError.of('INVALID_TOKEN', `Invalid access token: algorithm ${decoded.header.alg} is not accepted`);
    }
    const key = await this.keyFor(decoded.header);
    let claims: AccessTokenClaims;
    try {
      claims = jwt.verify(token, key, {
        algorithms: this.opts.algorithms as jwt.Algorithm[],
        issuer: this.opts.issuer,
        audience: this.opts.audience,
        clockTolerance: this.opts.clockToleranceSeconds,
      }) as AccessTokenClaims;
    } catch (e) {
      throw translateJwtError(e as Error);
    }
    if (typeof claims.exp !== 'number') throw GatewayError.of('INVALID_TOKEN', 'Invalid access token: exp claim is required');
    if (typeof claims.client_id !== 'string') throw GatewayError.of('INVALID_TOKEN', 'Invalid access token: client_id claim is required');
    // expiry is checked on every use (cached()): the cache itself needs no timers or clocks
    this.cache.set(token, claims);
    return claims;
  }
}

function translateJwtError(e: Error): GatewayError {
  if (e.name === 'TokenExpiredError') return GatewayError.of('TOKEN_EXPIRED');
  if (e.name === 'NotBeforeError') return GatewayError.of('INVALID_TOKEN', 'Invalid access token: not valid yet (nbf)');
  const m = e.message;
  let why = 'malformed or tampered token';
  if (/signature/.test(m)) why = 'signature does not verify';
  else if (/audience/.test(m)) why = 'wrong audience (aud)';
  else if (/issuer/.test(m)) why = 'wrong issuer (iss)';
  else if (/algorithm/.test(m)) why = 'algorithm not accepted';
  return GatewayError.of('INVALID_TOKEN', `Invalid access token: ${why}`);
}
