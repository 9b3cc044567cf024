import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';

/** The per-call timeout fired: the request was destroyed (the classification tells read from write). */
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

/** Query values encoded as the previous transport (axios) did, so the cores receive the same URL. */
const encode = (v: string) =>
  encodeURIComponent(v).replace(/%3A/gi, ':').replace(/%24/g, '$').replace(/%2C/gi, ',').replace(/%20/g, '+');

export function buildPath(base: string, path: string, query?: ExchangeRequest['query']): string {
  let url = `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  if (query) {
    const parts: string[] = [];
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) parts.push(`${encode(k)}=${encode(String(v))}`);
    if (parts.length) url += (url.includes('?') ? '&' : '?') + parts.join('&');
  }
  return url;
}

const lost = (message: string) => Object.assign(new Error(message), { code: 'ECONNRESET' });

function decoded(res: http.IncomingMessage, method: string): Readable {
  const enc = (res.headers['content-encoding'] ?? '').toLowerCase();
  if (method === 'HEAD' || res.statusCode === 204) return res;
  if (enc === 'gzip' || enc === 'x-gzip') return res.pipe(zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH }));
  if (enc === 'deflate') return res.pipe(zlib.createInflate({ flush: zlib.constants.Z_SYNC_FLUSH }));
  if (enc === 'br') return res.pipe(zlib.createBrotliDecompress());
  return res;
}

/**
 * One HTTP exchange with a core over a keep-alive agent: node:http directly, the answer read as
 * UTF-8 text. A general-purpose client costs more per call than the rest of a policy chain
 * (config merging, header objects, proxy look-ups on every request); this does only what the
 * gateway needs. Errors keep Node's codes (ECONNREFUSED, ECONNRESET...); the timeout covers the
 * whole exchange, answer body included, and destroys the request when it fires.
 */
export function createExchange(baseUrl: string, maxSockets: number): (req: ExchangeRequest) => Promise<ExchangeResponse> {
  const base = new URL(baseUrl);
  const secure = base.protocol === 'https:';
  const transport = secure ? https : http;
  const agent = secure ? new https.Agent({ keepAlive: true, maxSockets }) : new http.Agent({ keepAlive: true, maxSockets });
  const hostname = base.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = base.port || (secure ? 443 : 80);
  const basePath = base.pathname === '/' ? '' : base.pathname;

  return (req) =>
    new Promise<ExchangeResponse>((resolve, reject) => {
      let settled = false;
      const fail = (e: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(e);
      };
      const headers = req.body === undefined ? req.headers : { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) };
      const out = transport.request({ agent, hostname, port, method: req.method, path: buildPath(basePath, req.path, req.query), headers });
      const timer = setTimeout(() => {
        const e = new CallTimeout();
        fail(e);
        out.destroy(e);
      }, req.timeoutMs);
      out.on('error', fail);
      out.on('response', (res) => {
        const body = decoded(res, req.method);
        const chunks: Buffer[] = [];
        body.on('data', (c: Buffer) => chunks.push(c));
        body.on('error', (e) => fail(e.message === 'aborted' ? lost('aborted') : e));
        res.on('close', () => {
          if (!res.complete) fail(lost('connection closed before the answer was complete'));
        });
        body.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          let text = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
          if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
          resolve({ status: res.statusCode ?? 0, text });
        });
      });
      out.end(req.body);
    });
}
