import crypto, { type KeyObject } from 'node:crypto';

/**
 * Client secrets are stored as HMAC-SHA256(pepper, secret): "hmac-sha256$<digest, base64url>".
 * Client secrets are machine-generated keys of 128 bits or more, not passwords a person chose:
 * nothing can be guessed by trying, so a deliberately slow hash (scrypt, argon2) buys nothing
 * but made every wrong secret cost ~39 ms of CPU (a timing oracle against unknown client_ids and
 * a way to drain the gateway). A keyed hash is what GitHub and Kong use for API keys: a stolen
 * registry file is useless without the pepper, which lives only in the gateway's environment.
 */
export const SECRET_HASH_PREFIX = 'hmac-sha256$';
const FORMAT = /^hmac-sha256\$[A-Za-z0-9_-]{43}$/;
const LEGACY_SCRYPT = /^scrypt\$/;

export const isSecretHash = (value: string): boolean => FORMAT.test(value);
/** The format of registries before HMAC (refused at load, naming the client). */
export const isLegacyScryptHash = (value: string): boolean => LEGACY_SCRYPT.test(value);

/** The digest a stored secret hash holds (32 bytes). */
export const digestOf = (stored: string): Buffer => Buffer.from(stored.slice(SECRET_HASH_PREFIX.length), 'base64url');

export class SecretHasher {
  private readonly key: KeyObject;

  constructor(pepper: string) {
    if (!pepper) throw new Error('the client secret pepper is empty');
    this.key = crypto.createSecretKey(Buffer.from(pepper, 'utf8'));
  }

  digest(secret: string): Buffer {
    return crypto.createHmac('sha256', this.key).update(secret, 'utf8').digest();
  }

  /** What the clients file holds for this secret. */
  hash(secret: string): string {
    return `${SECRET_HASH_PREFIX}${this.digest(secret).toString('base64url')}`;
  }

  /**
   * The secret against a stored digest: one HMAC and a constant-time compare, whatever the
   * outcome. The registry calls it with a dummy digest for an unknown client_id, so an unknown
   * client and a wrong secret cost the same.
   */
  verify(secret: string, expected: Buffer): boolean {
    const got = this.digest(secret);
    return got.length === expected.length && crypto.timingSafeEqual(got, expected);
  }
}
