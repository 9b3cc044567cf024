import http from 'node:http';
import https from 'node:https';
import axios, { AxiosError } from 'axios';
import { leanHttpAdapter } from './lean-http-adapter';

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

/**
 * One HTTP exchange with a core, through axios, configured to do only what the gateway needs:
 * a keep-alive agent, no redirect following (axios otherwise goes through follow-redirects on
 * every call), no proxy look-up in the environment, the body sent and the answer read as text
 * (CoreClient serialises and parses once, and must see a garbage answer as garbage), every HTTP
 * status returned (CoreClient classifies them), a per-call AbortController timeout that covers
 * the whole exchange and aborts the request itself, and a lean transport adapter.
 */
export function createExchange(baseUrl: string, maxSockets: number): (req: ExchangeRequest) => Promise<ExchangeResponse> {
  const agents = { http: new http.Agent({ keepAlive: true, maxSockets }), https: new https.Agent({ keepAlive: true, maxSockets }) };
  // Few instance defaults: axios merges them into every request's config. Redirects, proxies and
  // decompression are the adapter's business (it follows no redirect and uses no proxy).
  const baseURL = baseUrl.replace(/\/+$/, '');
  const client = axios.create({
    baseURL,
    adapter: leanHttpAdapter(baseURL, agents),
    responseType: 'text',
    transformRequest: [(data: unknown) => data],
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
  });
  // axios merges its instance defaults into each request's config (deeply for headers): keep only
  // what this client uses. Browser (XSRF) and form-data settings and per-method header sets do not apply.
  const defaults = client.defaults as unknown as Record<string, unknown>;
  for (const key of ['xsrfCookieName', 'xsrfHeaderName', 'env', 'transitional', 'maxContentLength', 'maxBodyLength', 'timeout']) delete defaults[key];
  defaults.headers = { common: {} };

  return async (req) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), req.timeoutMs);
    try {
      const res = await client.request<string>({
        method: req.method,
        url: req.path.startsWith('/') ? req.path : `/${req.path}`,
        ...(req.query ? { params: req.query } : {}),
        data: req.body,
        headers: req.headers,
        signal: controller.signal,
      });
      let text = typeof res.data === 'string' ? res.data : '';
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      return { status: res.status, text };
    } catch (e) {
      if (controller.signal.aborted) throw new CallTimeout();
      const err = e as AxiosError;
      // keep Node's socket codes (ECONNREFUSED, ECONNRESET...); an answer cut short is a lost connection
      const code = (err.cause as { code?: string } | undefined)?.code ?? err.code;
      throw Object.assign(new Error(err.message), { code: code === 'ERR_BAD_RESPONSE' || code === undefined ? 'ECONNRESET' : code });
    } finally {
      clearTimeout(timer);
    }
  };
}
