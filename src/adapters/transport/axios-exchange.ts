import axios, { AxiosError } from 'axios';
import { isTimeout, undiciTransport } from './undici-adapter';

/** The per-call timeout fired: the request was aborted (the classification tells read from write). */
export class CallTimeout extends Error {
  constructor() {
    super('core call timed out');
    this.name = 'CallTimeout';
  }
}

export interface ExchangeRequest {
  method: string;
  /** Relative to the base URL's path, e.g. /transfers */
  path: string;
  query?: Record<string, string | number | boolean | undefined | null>;
  /** Already serialised JSON. */
  body?: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

export interface ExchangeResponse {
  status: number;
  text: string;
}

export interface Exchange {
  send(req: ExchangeRequest): Promise<ExchangeResponse>;
  /** Closes the keep-alive connections. */
  close(): Promise<void>;
}

/**
 * One HTTP exchange with a core, through axios, configured to do only what the gateway needs:
 * an undici keep-alive pool as the transport (undici-adapter.ts: no redirect following, no proxy,
 * no retry), the body sent and the answer read as text (CoreClient serialises and parses once,
 * and must see a garbage answer as garbage), every HTTP status returned (CoreClient classifies
 * them), and axios' `timeout`, which the adapter applies to the whole exchange.
 */
export function createExchange(baseUrl: string, maxSockets: number): Exchange {
  const transport = undiciTransport(baseUrl, maxSockets);
  // Few instance defaults: axios merges them into every request's config.
  const client = axios.create({
    baseURL: baseUrl.replace(/\/+$/, ''),
    adapter: transport.adapter,
    responseType: 'text',
    // no transforms: the body goes out as given and the answer comes back as text (each transform
    // function also costs axios a header normalisation per call)
    transformRequest: [],
    transformResponse: [],
    validateStatus: () => true,
  });
  // axios merges its instance defaults into each request's config (deeply for headers): keep only
  // what this client uses. Browser (XSRF) and form-data settings and per-method header sets do not apply.
  const defaults = client.defaults as unknown as Record<string, unknown>;
  for (const key of ['xsrfCookieName', 'xsrfHeaderName', 'env', 'transitional', 'maxContentLength', 'maxBodyLength', 'timeout']) delete defaults[key];
  defaults.headers = { common: {} };

  const send = async (req: ExchangeRequest): Promise<ExchangeResponse> => {
    try {
      const res = await client.request<string>({
        method: req.method,
        url: req.path.startsWith('/') ? req.path : `/${req.path}`,
        ...(req.query ? { params: req.query } : {}),
        data: req.body,
        headers: req.headers,
        timeout: req.timeoutMs,
      });
      let text = typeof res.data === 'string' ? res.data : '';
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      return { status: res.status, text };
    } catch (e) {
      if (isTimeout(e)) throw new CallTimeout();
      const err = e as AxiosError;
      throw Object.assign(new Error(err.message), { code: transportCode((err.cause as { code?: string } | undefined)?.code ?? err.code) });
    }
  };
  return { send, close: transport.close };
}

/** undici's codes for a request that was never written: the pool's connect timeout, or a closed pool. */
const NOT_SENT = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_CLOSED', 'UND_ERR_DESTROYED']);

/**
 * Node's socket codes (ECONNREFUSED, ECONNRESET...) as they are, and undici's for a request never
 * sent; anything else (socket closed, answer cut short) is a lost connection.
 */
function transportCode(code: string | undefined): string {
  if (code === undefined || code === 'ERR_BAD_RESPONSE') return 'ECONNRESET';
  if (NOT_SENT.has(code)) return code;
  return code.startsWith('UND_ERR_') ? 'ECONNRESET' : code;
}
