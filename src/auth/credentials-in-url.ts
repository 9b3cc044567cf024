import type { RequestHandler } from 'express';
import { GatewayError } from '../errors/gateway-error';

/**
 * Query parameter names that carry a credential. A URL is written to access logs, proxies,
 * browser history and Referer headers: RFC 6750 section 2.3 says a token SHOULD NOT go there,
 * and this gateway takes none of these anywhere but in headers or a form body.
 */
const CREDENTIAL_NAMES = new Set([
  'access_token',
  'refresh_token',
  'id_token',
  'token',
  'client_secret',
  'client_assertion',
  'password',
  'passwd',
  'secret',
  'otp',
  'api_key',
  'apikey',
  'authorization',
]);

/** The first credential named in a query string (decoded, case-insensitive, a trailing [] ignored). */
export function credentialInQuery(search: string): string | undefined {
  for (const name of new URLSearchParams(search).keys()) {
    if (CREDENTIAL_NAMES.has(name.toLowerCase().replace(/\[\]$/, ''))) return name;
  }
  return undefined;
}

/** Every route (APIs, OAuth, portal, operations): credentials in the URL are refused with 400. */
export function refuseCredentialsInUrl(): RequestHandler {
  return (req, _res, next) => {
    const q = req.url.indexOf('?');
    if (q < 0) return next();
    const name = credentialInQuery(req.url.slice(q + 1));
    if (name === undefined) return next();
    const shown = name.length > 40 ? `${name.slice(0, 40)}...` : name;
    throw GatewayError.of(
      'CREDENTIALS_IN_URL',
      `Credentials must not be sent in the URL (RFC 6750 section 2.3): query parameter ${shown}. Send client_id and client_secret as headers and the token as Authorization: Bearer`,
    );
  };
}
