import crypto from 'node:crypto';
import { loadConfig } from '../../gateway-config';

/**
 * Postman environments for sandbox, QA and production. URIs come from the configuration's defaults
 * (publicUris); only the sandbox carries credentials, the public demo client's. QA and production
 * leave them empty: QA fills them in Postman or passes --env-var, never in a committed file.
 */
export const QA_ENVIRONMENTS = ['sandbox', 'qa', 'prod'] as const;
export type QaEnvironment = (typeof QA_ENVIRONMENTS)[number];

export interface PostmanEnvironment {
  id: string;
  name: string;
  values: Array<{ key: string; value: string; type: 'default' | 'secret'; enabled: boolean }>;
  _postman_variable_scope: 'environment';
}

/** `baseUrl`: the URI to print instead of the schema default (the portal serves the one it runs on). */
export function buildEnvironment(env: QaEnvironment, opts: { baseUrl?: string } = {}): PostmanEnvironment {
  // schema defaults only (no process env), so the committed files are the same on every machine
  const config = loadConfig({ env: 'sandbox', environment: {} });
  const sandbox = env === 'sandbox';
  const v = (key: string, value: string, type: 'default' | 'secret' = 'default') => ({ key, value, type, enabled: true });
  return {
    id: crypto.createHash('sha1').update(`bank-api-gateway/env/${env}`).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5'),
    name: `bank API gateway · ${env}`,
    values: [
      v('baseUrl', opts.baseUrl ?? config.publicUris[env]),
      v('clientId', sandbox ? config.clients.sandboxClientId : ''),
      v('clientSecret', sandbox ? config.clients.sandboxClientSecret : '', 'secret'),
      // empty: {{baseUrl}}/oauth/token (the sandbox issues tokens; QA and prod use the bank's identity provider)
      v('tokenUrl', ''),
      v('sandboxOtpBox', sandbox ? 'true' : 'false'),
      // the sandbox admin API's credentials (its OTP box); nothing of the kind exists elsewhere
      ...(sandbox ? [v('sandboxAdminUser', config.sandbox.adminUser), v('sandboxAdminSecret', config.sandbox.adminSecret, 'secret')] : []),
      // outside the sandbox, the OTP the customer received (pass --env-var otp=123456)
      v('otp', ''),
    ],
    _postman_variable_scope: 'environment',
  };
}
