import net from 'node:net';
import nock from '../helpers/nock';
import { loadConfig } from '../../src/gateway-config';
import { start, type SandboxStarted as Started } from '../../src/sandbox/main';

/** What a raw socket receives until the server closes the connection (or the wait ends). */
function exchange(port: number, bytes: string): Promise<{ text: string; closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closedByServer: false });
    }, 5000);
    socket.on('data', (c) => (text += c.toString('latin1')));
    socket.on('error', (e) => {
      // a reset after the answer still counts as closed by the server
      clearTimeout(timer);
      if (text) resolve({ text, closedByServer: true });
      else reject(e);
    });
    socket.on('end', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closedByServer: true });
    });
    socket.write(bytes);
  });
}

function parse(raw: string) {
  const [head, body] = raw.split('\r\n\r\n');
  const [statusLine, ...headers] = head.split('\r\n');
  const h = Object.fromEntries(headers.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers: h, body: JSON.parse(body) };
}

describe("Node's own HTTP parser rejections, on a raw socket", () => {
  let started: Started;
  let port: number;
  beforeAll(async () => {
    nock.enableNetConnect();
    started = await start(loadConfig({ env: 'test', environment: {}, overrides: { server: { port: 0, host: '127.0.0.1' } } }));
    port = Number(new URL(started.running.httpUrl).port);
  });
  afterAll(() => started.running.stop());

  it('when the Authorization header is 64 KB, then 431 in the envelope and the connection is closed', async () => {
    const res = await exchange(port, `GET /facilito/v1/customers/1234567890/account HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'a'.repeat(64 * 1024)}\r\n\r\n`);
    const answer = parse(res.text);
    expect(answer.status).toBe(431);
    expect(answer.headers['content-type']).toMatch(/application\/json/);
    expect(answer.headers.connection).toBe('close');
    expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(res.text.split('\r\n\r\n')[1]));
    expect(answer.body).toEqual({
      responseType: { value: 'ER' },
      responseDetail: { errorCode: 'GW-431-01', errorType: 'APIKIT', errorDesc: expect.stringMatching(/headers are larger than/) },
    });
    expect(res.closedByServer).toBe(true);
  });

  it.each([
    ['a malformed request line', 'GET /health HTTP/1.1 extra\r\nHost: x\r\n\r\n'],
    ['an invalid method', 'G(T /health HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['a header without a colon', 'GET /health HTTP/1.1\r\nHost x\r\n\r\n'],
    ['a bare CR in a header value', 'GET /health HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n'],
  ])('when %s is sent, then 400 in the envelope and the connection is closed', async (_what, bytes) => {
    const res = await exchange(port, bytes);
    const answer = parse(res.text);
    expect(answer.status).toBe(400);
    expect(answer.headers.connection).toBe('close');
    expect(answer.body.responseType).toEqual({ value: 'ER' });
    expect(answer.body.responseDetail).toMatchObject({ errorCode: 'GW-400-01', errorType: 'APIKIT' });
    expect(answer.body.responseDetail.errorDesc).toMatch(/^Malformed HTTP request/);
    expect(res.text).not.toMatch(/Parse Error|HPE_|node:/);
    expect(res.closedByServer).toBe(true);
  });

  it('when a client errs after a good request on the same connection, then the server still answers the next connection', async () => {
    await exchange(port, 'GET /health HTTP/1.1\r\nHost: x\r\n\r\nGARBAGE\r\n\r\n');
    const res = await exchange(port, 'GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(res.text).toMatch(/^HTTP\/1\.1 200/);
  });
});
