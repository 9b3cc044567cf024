import type { PolicyDefinition } from '../types';
import { GatewayError } from '../../errors/gateway-error';

const BEARER = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)\s*$/i;

/** Authorization: Bearer <jwt>: signature, algorithm allow-list, exp/nbf/iss/aud, and the token's client is the caller. */
export const jwtValidation: PolicyDefinition = {
  name: 'jwt-validation',
  description: 'Verifies the OAuth 2.0 access token and binds it to the calling client_id.',
  create({ services }) {
    return async (req, res, next) => {
      const header = req.get('authorization');
      if (!header) throw GatewayError.of('MISSING_TOKEN');
      const m = BEARER.exec(header);
      if (!m) throw GatewayError.of('INVALID_TOKEN', 'Invalid Authorization header: expected "Bearer <JWT>"');
      const claims = await services.tokens.verify(m[1]);
      const client = res.locals.client as { clientId: string } | undefined;
      if (client && claims.client_id !== client.clientId) throw GatewayError.of('TOKEN_CLIENT_MISMATCH');
      res.locals.token = claims;
      next();
    };
  },
};
