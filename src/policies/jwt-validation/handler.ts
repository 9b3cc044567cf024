import type { PolicyDefinition } from '../../gateway/policy';
import { contextOf } from '../../gateway/request-context';
import { GatewayError } from '../../errors/gateway-error';
import type { ApiName } from '../../gateway/api-names';
import type { TokenClaims } from '../../gateway/client';

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** The token of "Bearer <jwt>" (scheme case-insensitive), or undefined. */
export function bearerToken(header: string): string | undefined {
  if (header.length < 8 || header.slice(0, 7).toLowerCase() !== 'bearer ') return undefined;
  const token = header.slice(7).trim();
  return JWT.test(token) ? token : undefined;
}

/** The APIs a token's scope names: RFC 6749's space-separated string (or a JSON array of names). */
const scopesOf = new WeakMap<TokenClaims, ReadonlySet<string>>();
function scopeNames(claims: TokenClaims): ReadonlySet<string> {
  let names = scopesOf.get(claims);
  if (!names) {
    const raw: unknown = claims.scope;
    names = new Set(typeof raw === 'string' ? raw.split(' ').filter(Boolean) : Array.isArray(raw) ? raw.filter((s) => typeof s === 'string') : []);
    scopesOf.set(claims, names);
  }
  return names;
}

/** A token may call only the APIs its scope names (client-id enforcement checks the client is contracted to it). */
export function assertScope(claims: TokenClaims, api: ApiName): void {
  if (scopeNames(claims).has(api)) return;
  const scope = claims.scope === undefined ? 'no scope' : `scope (${Array.isArray(claims.scope) ? claims.scope.join(' ') : String(claims.scope)})`;
  throw GatewayError.of('TOKEN_SCOPE', `The access token's ${scope} does not include the ${api} API; request a token whose scope names it`);
}

/**
 * Authorization: Bearer <jwt>: signature, algorithm allow-list, exp/nbf/iss/aud, the token's client
 * is the caller, and its scope names this API.
 */
export const jwtValidation: PolicyDefinition = {
  name: 'jwt-validation',
  description: "Verifies the OAuth 2.0 access token, binds it to the calling client_id and checks its scope names the API.",
  create({ api, deps }) {
    return async (req, _res, next) => {
      const header = req.headers.authorization;
      if (!header) throw GatewayError.of('MISSING_TOKEN');
      const token = bearerToken(header);
      if (!token) throw GatewayError.of('INVALID_TOKEN', 'Invalid Authorization header: expected "Bearer <JWT>"');
      // a token verified before answers from the cache without a promise round trip
      const claims = deps.tokens.cached(token) ?? (await deps.tokens.verify(token));
      const ctx = contextOf(req);
      if (ctx.client && claims.client_id !== ctx.client.clientId) throw GatewayError.of('TOKEN_CLIENT_MISMATCH');
      assertScope(claims, api.name);
      ctx.token = claims;
      next();
    };
  },
};
