import type { PolicyDefinition } from '../../gateway/policy';
import { contextOf } from '../../gateway/request-context';
import { GatewayError } from '../../errors/gateway-error';

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** The token of "Bearer <jwt>" (scheme case-insensitive), or undefined. */
export function bearerToken(header: string): string | undefined {
  if (header.length < 8 || header.slice(0, 7).toLowerCase() !== 'bearer ') return undefined;
  const token = header.slice(7).trim();
  return JWT.test(token) ? token : undefined;
}

/** Authorization: Bearer <jwt>: signature, algorithm allow-list, exp/nbf/iss/aud, and the token's client is the caller. */
export const jwtValidation: PolicyDefinition = {
  name: 'jwt-validation',
  description: 'Verifies the OAuth 2.0 access token and binds it to the calling client_id.',
  create({ deps }) {
    return async (req, _res, next) => {
      const header = req.headers.authorization;
      if (!header) throw GatewayError.of('MISSING_TOKEN');
      const token = bearerToken(header);
      if (!token) throw GatewayError.of('INVALID_TOKEN', 'Invalid Authorization header: expected "Bearer <JWT>"');
      // a token verified before answers from the cache without a promise round trip
      const claims = deps.tokens.cached(token) ?? (await deps.tokens.verify(token));
      const ctx = contextOf(req);
      if (ctx.client && claims.client_id !== ctx.client.clientId) throw GatewayError.of('TOKEN_CLIENT_MISMATCH');
      ctx.token = claims;
      next();
    };
  },
};
