import net from 'node:net';
import request from 'supertest';
import { API_DEFINITIONS } from '../../apis';
import { loadConfig } from '../../src/gateway-config';
import { createPortalContext } from '../../src/docs/pages/portal-context';
import { homePage } from '../../src/docs/pages/home-page';
import { startGateway } from '../helpers/gateway';
import { codeBlocks, listeningGateway } from './portal-helpers';

/**
 * The portal follows the listener it is read from: the sandbox row of the environment table, the
 * getting-started lines and the downloadable sandbox Postman environment name the address the
 * request came in on; X-Forwarded-Proto/Host count only when server.trustProxy says a proxy is there.
 */
const sandboxRow = (html: string) => /<td>Sandbox<\/td><td><code>([^<]*)<\/code><\/td>/.exec(html)?.[1];
const printedBase = (html: string) => /^BASE=(.*)$/m.exec(codeBlocks(html).find((b) => b.kind === 'getting-started')!.text)?.[1];
const envBaseUrl = (body: { values: Array<{ key: string; value: string }> }) => body.values.find((v) => v.key === 'baseUrl')?.value;

describe('the portal on the listener it runs on', () => {
  const g = listeningGateway();

  it('when the portal is read over a real port, then the environment table, the first lines and the sandbox Postman environment name that address', async () => {
    const home = (await request(g.server.base).get('/docs')).text;
    expect(sandboxRow(home)).toBe(g.server.base);
    expect(printedBase(home)).toBe(g.server.base);
    expect(home).not.toContain('http://localhost:8081');
    const facilito = (await request(g.server.base).get('/docs/facilito')).text;
    expect(sandboxRow(facilito)).toBe(`${g.server.base}/facilito`);
    const env = await request(g.server.base).get('/docs/qa/sandbox.postman_environment.json');
    expect(env.status).toBe(200);
    expect(envBaseUrl(env.body)).toBe(g.server.base);
    // QA and production keep their configured URIs
    expect(envBaseUrl((await request(g.server.base).get('/docs/qa/qa.postman_environment.json')).body)).toBe(g.t.config.publicUris.qa);
    expect(home).toContain(`<code>${g.t.config.publicUris.prod}</code>`);
  });

  it('when the Host is localhost:19081 (PORT=19081), then the portal shows http://localhost:19081, and X-Forwarded-* is ignored without trustProxy', async () => {
    const get = (p: string) => request(g.t.app).get(p).set('Host', 'localhost:19081').set('X-Forwarded-Proto', 'https').set('X-Forwarded-Host', 'evil.example');
    expect(sandboxRow((await get('/docs')).text)).toBe('http://localhost:19081');
    expect(envBaseUrl((await get('/docs/qa/sandbox.postman_environment.json')).body)).toBe('http://localhost:19081');
  });

  it('when a request has no Host header (HTTP/1.0), then the portal names the port it came in on', async () => {
    const port = Number(new URL(g.server.base).port);
    const raw = await new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = net.connect(port, '127.0.0.1', () => socket.write('GET /docs/qa/sandbox.postman_environment.json HTTP/1.0\r\n\r\n'));
      socket.on('data', (d) => (text += d.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(envBaseUrl(JSON.parse(raw.split('\r\n\r\n')[1]))).toBe(`http://localhost:${port}`);
  });

  it('when the Host header is not a host name, then it is not printed and the configured sandbox URI is', async () => {
    const res = await request(g.t.app).get('/docs').set('Host', 'x"><script>alert(1)</script>');
    expect(res.text).not.toContain('<script>alert(1)');
    expect(sandboxRow(res.text)).toBe(g.t.config.publicUris.sandbox);
  });
});

describe('the portal behind a trusted proxy (server.trustProxy = 1)', () => {
  it('when the proxy sends X-Forwarded-Proto and X-Forwarded-Host, then the portal shows the address partners used', async () => {
    const t = await startGateway({ server: { trustProxy: 1 } });
    try {
      const get = (p: string) => request(t.app).get(p).set('X-Forwarded-Proto', 'https').set('X-Forwarded-Host', 'sandbox.partner-portal.example:8443');
      expect(sandboxRow((await get('/docs')).text)).toBe('https://sandbox.partner-portal.example:8443');
      expect(envBaseUrl((await get('/docs/qa/sandbox.postman_environment.json')).body)).toBe('https://sandbox.partner-portal.example:8443');
    } finally {
      await t.close();
    }
  }, 60_000);
});

describe('the portal of a gateway that is not the sandbox', () => {
  it('when the profile is qa, then the sandbox row shows the configured sandbox URI, not the address the page was read from', () => {
    const config = { ...loadConfig({ env: 'test', environment: {} }), env: 'qa' } as ReturnType<typeof loadConfig>;
    const html = homePage(createPortalContext(config, API_DEFINITIONS), config.publicUris.qa);
    expect(sandboxRow(html)).toBe(config.publicUris.sandbox);
  });
});
