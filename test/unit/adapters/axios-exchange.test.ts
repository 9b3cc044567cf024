import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { CallTimeout, createExchange, type Exchange } from '../../../src/adapters/transport/axios-exchange';

describe('axios exchange (the core transport under CoreClient)', () => {
  describe('against a local server', () => {
    let server: http.Server;
    let base: string;
    let behave: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_q, r) => r.end('{}');
    const opened: Exchange[] = [];
    const exchange = () => {
      const e = createExchange(base, 4);
      opened.push(e);
      return e;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((e) => e.close()));
    });
    beforeAll(async () => {
      server = http.createServer((q, r) => {
        q.resume();
        q.on('end', () => behave(q, r));
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/core`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    });

    it('when the core answers gzip, then the text is decompressed', async () => {
      behave = (_q, r) => {
        r.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        r.end(zlib.gzipSync('{"ok":true}'));
      };
      await expect(exchange().send({ method: 'GET', path: '/x', headers: {}, timeoutMs: 2000 })).resolves.toEqual({ status: 200, text: '{"ok":true}' });
    });

    it('when a query is given, then it is encoded after the base path', async () => {
      let url: string | undefined;
      behave = (q, r) => {
        url = q.url;
        r.end('{}');
      };
      await exchange().send({ method: 'GET', path: '/accounts', query: { a: 'h w&=', b: 1, c: undefined }, headers: {}, timeoutMs: 2000 });
      expect(url).toBe('/core/accounts?a=h+w%26%3D&b=1');
    });

    it('when the core answers a redirect, then it is not followed', async () => {
      behave = (_q, r) => {
        r.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' });
        r.end();
      };
      await expect(exchange().send({ method: 'GET', path: '/moved', headers: {}, timeoutMs: 2000 })).resolves.toMatchObject({ status: 302 });
    });

    it('when the body is sent, then the core receives it with its length under the base path', async () => {
      let seen: { url?: string; length?: string } = {};
      behave = (q, r) => {
        seen = { url: q.url, length: q.headers['content-length'] };
        r.end('{}');
      };
      await exchange().send({ method: 'POST', path: '/transfers', body: '{"amount":"ñ"}', headers: {}, timeoutMs: 2000 });
      expect(seen).toEqual({ url: '/core/transfers', length: '15' });
    });

    it('when the core does not answer in time, then CallTimeout', async () => {
      behave = () => undefined;
      await expect(exchange().send({ method: 'GET', path: '/slow', headers: {}, timeoutMs: 50 })).rejects.toBeInstanceOf(CallTimeout);
    });

    it('when the connection drops mid-answer, then ECONNRESET', async () => {
      behave = (_q, r) => {
        r.writeHead(200, { 'content-length': '100' });
        r.write('{"half":');
        setTimeout(() => r.socket?.destroy(), 10);
      };
      await expect(exchange().send({ method: 'GET', path: '/half', headers: {}, timeoutMs: 2000 })).rejects.toMatchObject({ code: 'ECONNRESET' });
    });

    it('when a POST times out while it waits for a connection, then it is never sent', async () => {
      const seen: string[] = [];
      behave = (q) => {
        seen.push(`${q.method} ${q.url}`);
      }; // never answers
      const one = createExchange(base, 1);
      opened.push(one);
      const hanging = one.send({ method: 'GET', path: '/hang', headers: {}, timeoutMs: 300 });
      await expect(one.send({ method: 'POST', path: '/transfers', body: '{}', headers: {}, timeoutMs: 50 })).rejects.toBeInstanceOf(CallTimeout);
      await expect(hanging).rejects.toBeInstanceOf(CallTimeout);
      // the connection is free again: an aborted request must not go out on it
      await new Promise((r) => setTimeout(r, 150));
      expect(seen).toEqual(['GET /core/hang']);
    });

    it('when the connection drops before a POST is answered, then ECONNRESET and the POST is not sent again', async () => {
      let count = 0;
      behave = (_q, r) => {
        count += 1;
        r.socket?.destroy();
      };
      await expect(exchange().send({ method: 'POST', path: '/transfers', body: '{"amount":"1"}', headers: {}, timeoutMs: 2000 })).rejects.toMatchObject({ code: 'ECONNRESET' });
      await new Promise((r) => setTimeout(r, 100));
      expect(count).toBe(1);
    });

    it.each([
      ['deflate', zlib.deflateSync],
      ['br', zlib.brotliCompressSync],
    ] as const)('when the core answers %s, then the text is decoded', async (encoding, encode) => {
      behave = (_q, r) => {
        r.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding });
        r.end(encode('{"ok":"sí"}'));
      };
      await expect(exchange().send({ method: 'GET', path: '/x', headers: {}, timeoutMs: 2000 })).resolves.toEqual({ status: 200, text: '{"ok":"sí"}' });
    });

    it('when a compressed answer is corrupt, then it is a lost connection', async () => {
      behave = (_q, r) => {
        r.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        r.end(Buffer.from('not gzip at all'));
      };
      await expect(exchange().send({ method: 'GET', path: '/x', headers: {}, timeoutMs: 2000 })).rejects.toMatchObject({ code: 'ECONNRESET' });
    });

    it('when headers are given, then the core receives them', async () => {
      let seen: http.IncomingHttpHeaders = {};
      behave = (q, r) => {
        seen = q.headers;
        r.end('{}');
      };
      await exchange().send({ method: 'GET', path: '/x', headers: { 'x-correlation-id': 'abc-1', accept: 'application/json' }, timeoutMs: 2000 });
      expect(seen).toMatchObject({ 'x-correlation-id': 'abc-1', accept: 'application/json' });
    });
  });

  it('when the exchange is closed, then a call is refused as never sent', async () => {
    const e = createExchange('http://127.0.0.1:9/core', 2);
    await e.close();
    const err: { code?: string } = await e.send({ method: 'POST', path: '/transfers', body: '{}', headers: {}, timeoutMs: 2000 }).then(
      () => ({}),
      (x: { code?: string }) => x,
    );
    // undici's codes for a pool that was closed (or, with no connection left, destroyed)
    expect(['UND_ERR_CLOSED', 'UND_ERR_DESTROYED']).toContain(err.code);
  });

  it('when nothing listens on the core port, then ECONNREFUSED', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const e = createExchange(`http://127.0.0.1:${port}/core`, 2);
    await expect(e.send({ method: 'POST', path: '/transfers', body: '{}', headers: {}, timeoutMs: 2000 })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await e.close();
  });
});
