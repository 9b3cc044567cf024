import express, { Router } from 'express';
import { contextOf } from '../gateway/request-context';
import type { ClientRegistry } from './client-registry';
import type { TokenService } from './token-service';
import { GatewayError } from '../errors/gateway-error';
import type { GatewayErrorKey } from '../errors/catalog';

/** RFC 6749 error: the bank's envelope plus the standard `error` / `error_description` fields. */
function oauthError(key: GatewayErrorKey, error: string, description: string, headers: Record<string, string> = {}) {
  return GatewayError.of(key, description, {
    headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache', ...headers },
    extra: { error, error_description: description },
  });
}

const BASIC_CHALLENGE = { 'WWW-Authenticate': 'Basic realm="bank-api-gateway"' };

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const m = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return undefined;
  // RFC 6749 2.3.1: both parts are form-urlencoded before base64
  return { id: decodeURIComponent(decoded.slice(0, i).replace(/\+/g, ' ')), secret: decodeURIComponent(decoded.slice(i + 1).replace(/\+/g, ' ')) };
}

/**
 * RFC 6749 section 3.3: the APIs asked for (space-separated), each one the client is contracted
 * to; none asked for is every contracted API. Anything else is invalid_scope.
 */
function requestedScope(scope: unknown, contracted: readonly string[]): readonly string[] {
  if (scope === undefined || scope === '') return contracted;
  const names = typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [];
  const refused = typeof scope === 'string' ? names.filter((n) => !contracted.includes(n)) : ['(not a string)'];
  if (!names.length || refused.length) {
    const desc = `The requested scope names ${refused.join(', ') || 'nothing'}: ask for APIs this client is contracted to (${contracted.join(' ')})`;
    throw oauthError('OAUTH_INVALID_SCOPE', 'invalid_scope', desc.length > 300 ? `${desc.slice(0, 300)}...` : desc);
  }
  return [...new Set(names)];
}

/**
 * POST /oauth/token: the client-credentials grant (RFC 6749 section 4.4), client authenticated by
 * HTTP Basic or by client_id/client_secret form fields. Only where this gateway issues tokens.
 */
export function createOAuthRouter(services: { clients: ClientRegistry; tokens: TokenService }): Router {
  const router = Router();
  router.post('/oauth/token', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res) => {
    const ctx = contextOf(req);
    ctx.label = 'oauth-token';
    if (!req.is('application/x-www-form-urlencoded')) {
      throw oauthError('OAUTH_INVALID_REQUEST', 'invalid_request', 'The token request must be application/x-www-form-urlencoded');
    }
    const form = (req.body ?? {}) as Record<string, string>;
    const basic = basicCredentials(req.get('authorization'));
    if (basic && (form.client_id || form.client_secret) && form.client_id !== basic.id) {
      throw oauthError('OAUTH_INVALID_REQUEST', 'invalid_request', 'Use one client authentication method: HTTP Basic or form fields, not both');
    }
    if (form.grant_type === undefined) throw oauthError('OAUTH_INVALID_REQUEST', 'invalid_request', 'grant_type is required (client_credentials)');
    if (form.grant_type !== 'client_credentials') {
      throw oauthError('OAUTH_UNSUPPORTED_GRANT', 'unsupported_grant_type', `grant_type ${form.grant_type} is not supported; use client_credentials`);
    }
    const id = basic?.id ?? form.client_id;
    const secret = basic?.secret ?? form.client_secret;
    if (!id || !secret) {
      throw oauthError('INVALID_CLIENT', 'invalid_client', 'Client authentication is required (HTTP Basic or client_id and client_secret)', BASIC_CHALLENGE);
    }
    let client;
    try {
      client = await services.clients.authenticate(id, secret, req.ip);
    } catch (e) {
      const gw = e as GatewayError;
      if (gw.status === 429) throw gw;
      if (gw.status === 403) throw oauthError('OAUTH_UNAUTHORIZED_CLIENT', 'unauthorized_client', gw.errorDesc);
      throw oauthError('INVALID_CLIENT', 'invalid_client', gw.errorDesc, BASIC_CHALLENGE);
    }
    ctx.client = client;
    const { token, expiresIn, scope } = services.tokens.issue(client, undefined, requestedScope(form.scope, client.apis));
    res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' }).json({ access_token: token, token_type: 'Bearer', expires_in: expiresIn, scope });
  });
  router.get('/.well-known/jwks.json', (_req, res) => {
    res.json(services.tokens.jwksDocument());
  });
  return router;
}
