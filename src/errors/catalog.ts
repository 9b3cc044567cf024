/**
 * The gateway's own error catalog: stable codes for everything the gateway itself rejects.
 * Core (back-end) errors are translated by the per-back-end catalogs in src/adapters/.
 * Every entry is documented in the partner portal; test/unit/errors/catalog.test.ts keeps them in step.
 */
export interface CatalogEntry {
  status: number;
  errorCode: string;
  errorType: string;
  /** Default description; most throw sites pass a specific one naming the field or header. */
  errorDesc: string;
}

export const GATEWAY_ERRORS = {
  // contract (APIKit)
  BAD_REQUEST: { status: 400, errorCode: 'GW-400-01', errorType: 'APIKIT', errorDesc: 'Bad request' },
  MALFORMED_JSON: { status: 400, errorCode: 'GW-400-02', errorType: 'APIKIT', errorDesc: 'The request body is not valid JSON' },
  EMPTY_BODY: { status: 400, errorCode: 'GW-400-03', errorType: 'APIKIT', errorDesc: 'The request body is required' },
  INVALID_HEADER: { status: 400, errorCode: 'GW-400-04', errorType: 'APIKIT', errorDesc: 'Invalid header' },
  NOT_FOUND: { status: 404, errorCode: 'GW-404-01', errorType: 'APIKIT', errorDesc: 'Resource not found' },
  TRANSACTION_NOT_FOUND: {
    status: 404,
    errorCode: 'GW-404-02',
    errorType: 'POL',
    errorDesc: 'No transaction with this reference is known for this client; nothing was done',
  },
  METHOD_NOT_ALLOWED: { status: 405, errorCode: 'GW-405-01', errorType: 'APIKIT', errorDesc: 'Method not allowed' },
  NOT_ACCEPTABLE: { status: 406, errorCode: 'GW-406-01', errorType: 'APIKIT', errorDesc: 'Not acceptable: this API answers application/json' },
  PAYLOAD_TOO_LARGE: { status: 413, errorCode: 'GW-413-01', errorType: 'APIKIT', errorDesc: 'The request body is larger than allowed' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, errorCode: 'GW-415-01', errorType: 'APIKIT', errorDesc: 'Unsupported media type: send application/json' },
  HEADERS_TOO_LARGE: { status: 431, errorCode: 'GW-431-01', errorType: 'APIKIT', errorDesc: 'The request headers are larger than allowed (16 KB in all)' },
  REQUEST_TIMEOUT: { status: 408, errorCode: 'GW-408-01', errorType: 'APIKIT', errorDesc: 'The request was not received in time' },
  // security
  MISSING_CLIENT_CREDENTIALS: { status: 401, errorCode: 'GW-401-01', errorType: 'SEC', errorDesc: 'client_id and client_secret headers are required' },
  INVALID_CLIENT: { status: 401, errorCode: 'GW-401-02', errorType: 'SEC', errorDesc: 'Invalid client credentials' },
  MISSING_TOKEN: { status: 401, errorCode: 'GW-401-03', errorType: 'SEC', errorDesc: 'Authorization: Bearer <token> header is required' },
  INVALID_TOKEN: { status: 401, errorCode: 'GW-401-04', errorType: 'SEC', errorDesc: 'Invalid access token' },
  TOKEN_EXPIRED: { status: 401, errorCode: 'GW-401-05', errorType: 'SEC', errorDesc: 'The access token has expired' },
  CLIENT_REVOKED: { status: 403, errorCode: 'GW-403-01', errorType: 'SEC', errorDesc: 'The client application is revoked' },
  CLIENT_NOT_CONTRACTED: { status: 403, errorCode: 'GW-403-02', errorType: 'SEC', errorDesc: 'The client application is not contracted to this API' },
  SANDBOX_ADMIN_REQUIRED: {
    status: 401,
    errorCode: 'GW-401-06',
    errorType: 'SEC',
    errorDesc: 'The sandbox admin API needs the sandbox admin credentials (HTTP Basic)',
  },
  TOKEN_CLIENT_MISMATCH: { status: 403, errorCode: 'GW-403-03', errorType: 'SEC', errorDesc: 'The access token was issued to another client_id' },
  TOKEN_SCOPE: { status: 403, errorCode: 'GW-403-04', errorType: 'SEC', errorDesc: "The access token's scope does not include this API" },
  CREDENTIALS_IN_URL: {
    status: 400,
    errorCode: 'GW-400-07',
    errorType: 'SEC',
    errorDesc: 'Credentials must not be sent in the URL (RFC 6750 section 2.3); send them in headers',
  },
  OAUTH_INVALID_REQUEST: { status: 400, errorCode: 'GW-400-10', errorType: 'SEC', errorDesc: 'Invalid token request' },
  OAUTH_UNSUPPORTED_GRANT: { status: 400, errorCode: 'GW-400-11', errorType: 'SEC', errorDesc: 'Unsupported grant_type: use client_credentials' },
  OAUTH_UNAUTHORIZED_CLIENT: { status: 400, errorCode: 'GW-400-12', errorType: 'SEC', errorDesc: 'This client may not obtain tokens' },
  OAUTH_INVALID_SCOPE: { status: 400, errorCode: 'GW-400-13', errorType: 'SEC', errorDesc: 'The requested scope names an API this client is not contracted to' },
  // policies
  RATE_LIMITED: { status: 429, errorCode: 'GW-429-01', errorType: 'POL', errorDesc: 'Too many requests for this client; retry after the RateLimit-Reset seconds' },
  AUTH_THROTTLED: {
    status: 429,
    errorCode: 'GW-429-02',
    errorType: 'SEC',
    errorDesc: 'Too many failed client authentications for this client_id or from this address; retry after the seconds in Retry-After',
  },
  JSON_THREAT: { status: 400, errorCode: 'GW-400-05', errorType: 'POL', errorDesc: 'The JSON body exceeds a structural limit' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, errorCode: 'GW-422-01', errorType: 'POL', errorDesc: 'This idempotency key was already used with a different request' },
  TRANSACTION_VOIDED: {
    status: 422,
    errorCode: 'GW-422-02',
    errorType: 'POL',
    errorDesc: 'This transaction reference was voided by a reversal before it was applied; no money moved',
  },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, errorCode: 'GW-409-01', errorType: 'POL', errorDesc: 'A request with this idempotency key is still being processed; retry later' },
  INVALID_IDEMPOTENCY_KEY: { status: 400, errorCode: 'GW-400-06', errorType: 'POL', errorDesc: 'Idempotency-Key must be 1-128 visible ASCII characters' },
  // back ends
  BACKEND_UNAVAILABLE: { status: 503, errorCode: 'GW-503-01', errorType: 'GTW', errorDesc: 'The core system is temporarily unavailable' },
  BACKEND_TIMEOUT: { status: 504, errorCode: 'GW-504-01', errorType: 'GTW', errorDesc: 'The core system did not answer in time' },
  BACKEND_OUTCOME_UNKNOWN: {
    status: 504,
    errorCode: 'GW-504-02',
    errorType: 'GTW',
    errorDesc: 'The core system did not answer in time; the outcome is unknown. Retry with the same reference to learn it',
  },
  BACKEND_BAD_RESPONSE: { status: 502, errorCode: 'GW-502-01', errorType: 'GTW', errorDesc: 'The core system returned an invalid response' },
  INTERNAL: { status: 500, errorCode: 'GW-500-01', errorType: 'GTW', errorDesc: 'Internal gateway error' },
} as const satisfies Record<string, CatalogEntry>;

export type GatewayErrorKey = keyof typeof GATEWAY_ERRORS;
