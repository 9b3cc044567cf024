/**
 * Masks secrets and personal data before anything is logged. Secrets disappear entirely;
 * identifiers keep their last four characters so support can still correlate.
 */
const SECRET_KEYS = new Set(
  [
    'client_secret',
    'authorization',
    'access_token',
    'refresh_token',
    'id_token',
    'token',
    'password',
    'secret',
    'otp',
    'x-invoker-sessionkey',
    'x-security-token',
    'x-security-clientsecret',
    'devicefingerprint',
    'x-ident-devicefingerprint',
    'cookie',
    'set-cookie',
    'idempotency-key',
  ].map((k) => k.toLowerCase()),
);

const PERSONAL_KEYS = new Set(
  [
    'acctid',
    'idcuenta',
    'idcredito',
    'identserialnum',
    'cedula',
    'identificacion',
    'cellphone',
    'phone',
    'phonenumadditional',
    'cardnumber',
    'pan',
    'fullname',
    'lastname',
    'nombretitular',
    'addr1',
    'addres',
    'x-invoker-custid',
    'x-security-custloginid',
    'x-invoker-useripaddress',
    'x-invoker-usermacaddress',
    'x-invoker-user',
    'x-invoker-modifieruser',
    'adviserid',
  ].map((k) => k.toLowerCase()),
);

export function maskValue(value: unknown): string {
  const s = String(value);
  if (s.length <= 4) return '****';
  return `${'*'.repeat(Math.min(s.length - 4, 12))}${s.slice(-4)}`;
}

const LONG_DIGITS = /\d{6,}/g;
/** Masks any run of 6+ digits in free text (URLs, messages): account, card and id numbers. */
export function maskDigits(text: string): string {
  return text.replace(LONG_DIGITS, (m) => maskValue(m));
}

const SAFE_NAME = /^[A-Za-z_][A-Za-z_.\-[\]]{0,63}$/;

/**
 * A request target as a log line shows it: long digit runs of the path masked, and every query
 * value replaced by *** unless `inClear(name, value)` says the contract declares that parameter
 * from a closed set and the value is one of it. A name is shown only when it looks like one (a
 * value sent without "=" is a name too). Never a part of a value: an OTP shows no last digits.
 */
export function maskUrl(url: string, inClear: (name: string, value: string) => boolean = () => false): string {
  const q = url.indexOf('?');
  if (q < 0) return maskDigits(url);
  const pairs = url
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq < 0 ? pair : pair.slice(0, eq);
      let name: string;
      let value: string;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
        value = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
      } catch {
        return '***';
      }
      if (!SAFE_NAME.test(name)) return '***';
      if (eq < 0) return name;
      return `${name}=${inClear(name, value) ? encodeURIComponent(value) : '***'}`;
    });
  return `${maskDigits(url.slice(0, q))}?${pairs.join('&')}`;
}

/** One field by its name: a secret disappears, personal data keeps its last four characters. */
export function maskField(key: string, value: unknown, depth = 0): unknown {
  const k = key.toLowerCase();
  if (SECRET_KEYS.has(k)) return '[REDACTED]';
  if (PERSONAL_KEYS.has(k) && (typeof value === 'string' || typeof value === 'number')) return maskValue(value);
  return mask(value, depth + 1);
}

/** Deep copy with secrets removed and personal data masked. Cycles and depth are bounded. */
export function mask(value: unknown, depth = 0): unknown {
  if (depth > 12) return '[depth]';
  if (Array.isArray(value)) return value.map((v) => mask(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = maskField(k, v, depth);
    return out;
  }
  if (typeof value === 'string') return maskDigits(value);
  return value;
}
