/** Value formats shared by every settings section (convict formats and validators). */
import convict from 'convict';

/** Lists can come from env vars too: "a,b,c" (or JSON). */
convict.addFormat({
  name: 'string-list',
  validate(v: unknown) {
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === '')) throw new Error('must be a list of names');
  },
  coerce: (v: string) => v.split(',').map((x) => x.trim()).filter(Boolean),
});

convict.addFormat({
  name: 'jwt-algorithms',
  validate(v: unknown) {
    const ok = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'PS256'];
    if (!Array.isArray(v) || v.length === 0 || v.some((a) => !ok.includes(a))) throw new Error(`must be a non-empty list drawn from ${ok.join(', ')}`);
  },
  coerce: (v: string) => v.split(',').map((x) => x.trim()).filter(Boolean),
});

export const nonNegativeInt = (name: string) => (v: unknown) => {
  if (!Number.isInteger(v) || (v as number) < 0) throw new Error(`${name} must be a non-negative integer`);
};

export const positiveInt = (v: unknown) => {
  if (!Number.isInteger(v) || (v as number) <= 0) throw new Error('must be a positive integer');
};

export const percent = (v: unknown) => {
  if (typeof v !== 'number' || v <= 0 || v > 100) throw new Error('must be a number in (0, 100]');
};

export const optionalUrl = (v: unknown) => {
  if (v === '' || v === null) return;
  if (typeof v !== 'string' || !/^https?:\/\/[^\s]+$/.test(v)) throw new Error('must be an http(s) URL');
};

/** A Redis URL: redis:// or rediss:// (TLS), with optional user:password@ and /db; empty when unused. */
export const optionalRedisUrl = (v: unknown) => {
  if (v === '' || v === null) return;
  if (typeof v !== 'string' || !/^rediss?:\/\/[^\s]+$/.test(v)) throw new Error('must be a redis:// or rediss:// URL');
  try {
    new URL(v);
  } catch {
    throw new Error('must be a redis:// or rediss:// URL');
  }
};
