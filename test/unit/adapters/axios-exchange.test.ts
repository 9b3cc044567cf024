import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { CallTimeout, createExchange } from '../../../src/adapters/axios-exchange';

describe('axios exchange (the core transport under CoreClient)', () => {
  describe('against a local server', () => {
    let server: http.Server;
    let base: string;
    let behave: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_q, r) => r.end('{}');
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
      await expect(createExchange(base, 4)({ method: 'GET', path: '/x', headers: {}, timeoutMs: 2000 })).resolves.toEqual({ status: 200, text: '{"ok":true}' });
    });

    it('when a query is given, then it is encoded after the base path', async () => {
      let url: string | undefined;
      behave = (q, r) => {
        url = q.url;
        r.end('{}');
      };
      await createExchange(base, 4)({ method: 'GET', path: '/accounts', query: { a: 'h w&=', b: 1, c: undefined }, headers: {}, timeoutMs: 2000 });
      expect(url).toBe('/core/accounts?a=h+w%26%3D&b=1');
    });

    it('when the core answers a redirect, then it is not followed', async () => {
      behave = (_q, r) => {
        r.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' });
        r.end();
      };
      await expect(createExchange(base, 4)({ method: 'GET', path: '/moved', headers: {}, timeoutMs: 2000 })).resolves.toMatchObject({ status: 302 });
    });

    it('when the body is sent, then the core receives it with its length under the base path', async () => {
      let seen: { url?: string; length?: string } = {};
      behave = (q, r) => {
        seen = { url: q.url, length: q.headers['content-length'] };
        r.end('{}');
      };
      await createExchange(base, 4)({ method: 'POST', path: '/transfers', body: '{"amount":"ñ"}', headers: {}, timeoutMs: 2000 });
      expect(seen).toEqual({ url: '/core/transfers', length: '15' });
    });

    it('when the core does not answer in time, then CallTimeout', async () => {
      behave = () => undefined;
      await expect(createExchange(base, 4)({ method: 'GET', path: '/slow', headers: {}, timeoutMs: 50 })).rejects.toBeInstanceOf(CallTimeout);
    });

    it('when the connection drops mid-answer, then ECONNRESET', async () => {
      behave = (_q, r) => {
        r.writeHead(200, { 'content-length': '100' });
        r.write('{"half":');
        setTimeout(() => r.socket?.destroy(), 10);
      };
      await expect(createExchange(base, 4)({ method: 'GET', path: '/half', headers: {}, timeoutMs: 2000 })).rejects.toMatchObject({ code: 'ECONNRESET' });
    });
  });
});
