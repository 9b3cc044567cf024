import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type StubBehaviour = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

/** A minimal core on loopback whose behaviour each test sets; counts the requests it received. */
export async function startStubCore(): Promise<{
  url: string;
  hits: number;
  open: number;
  behave(b: StubBehaviour): void;
  close(): Promise<void>;
}> {
  let behaviour: StubBehaviour = (_q, r) => r.end('{}');
  const state = { hits: 0, open: 0 };
  const server = http.createServer((req, res) => {
    state.hits++;
    state.open++;
    let closed = false;
    const done = () => {
      if (!closed) {
        closed = true;
        state.open--;
      }
    };
    res.on('close', done);
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => behaviour(req, res, body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get hits() {
      return state.hits;
    },
    get open() {
      return state.open;
    },
    behave(b) {
      behaviour = b;
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export const json = (status: number, body: unknown) => (_q: http.IncomingMessage, r: http.ServerResponse) => {
  r.writeHead(status, { 'content-type': 'application/json' });
  r.end(JSON.stringify(body));
};

export async function until(cond: () => boolean, what: string, limitMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > limitMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
