/** The calling application, as the client registry knows it, and the contracts of its two checks. */
import type { ApiName } from './api-names';

export type ClientStatus = 'active' | 'revoked' | 'suspended';

export interface ClientApp {
  clientId: string;
  name: string;
  /** HMAC-SHA256 of the secret with the gateway's pepper (hmac-sha256$...), never the secret itself */
  secretHash: string;
  status: ClientStatus;
  apis: ApiName[];
  tier: string;
}

/** The claims of a verified access token. */
export interface TokenClaims {
  client_id: string;
  scope?: string;
  [claim: string]: unknown;
}

/** client_id + client_secret: the client, or a thrown envelope error. */
export interface ClientAuthenticator {
  /** source: the caller's address; failed attempts are throttled per client_id and per source. */
  authenticate(clientId: string | undefined, secret: string | undefined, source?: string): Promise<ClientApp>;
}

/** An access token's claims, or a thrown envelope error. */
export interface TokenVerifier {
  /** Claims of a token verified before (no promise round trip), else undefined. */
  cached(token: string): TokenClaims | undefined;
  verify(token: string): Promise<TokenClaims>;
}
