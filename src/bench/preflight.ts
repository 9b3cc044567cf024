import http from 'node:http';
import type { LoadRequest } from './load';

function send(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** An access token from the bench gateway's own /oauth/token (client-credentials grant). */
export async function fetchToken(port: number, clientId: string, secret: string): Promise<string> {
  const res = await send(
    port,
    'POST',
    '/oauth/token',
    { authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    'grant_type=client_credentials',
  );
  if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${res.text}`);
  return (JSON.parse(res.text) as { access_token: string }).access_token;
}

/** One request before any load: a target that does not answer 2xx stops the bench with its answer. */
export async function preflight(target: string, scenario: string, req: LoadRequest): Promise<void> {
  const body = req.body?.();
  const headers = body === undefined ? req.headers : { ...req.headers, 'content-type': 'application/json' };
  const res = await send(req.port, req.method, req.path, headers, body);
  if (res.status < 200 || res.status >= 300) {
    throw new Error(`preflight ${scenario} on ${target}: HTTP ${res.status} ${res.text.slice(0, 500)}`);
  }
}
