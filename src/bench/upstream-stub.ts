import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveTarget } from './target-process';

/**
 * The core systems' stand-in for the benchmark: node:http, keep-alive, one fixed ~300-byte JSON
 * answer per core operation, no state and no parsing (the body is drained, never read). Each
 * answer carries what the gateway's adapters need plus fields they ignore, as a real core does.
 */
const pad = (o: Record<string, unknown>, size: number): Buffer => {
  const base = JSON.stringify({ ...o, narrative: '' });
  return Buffer.from(JSON.stringify({ ...o, narrative: 'X'.repeat(Math.max(0, size - base.length)) }));
};

export const STUB_ANSWERS: Array<{ method: string; test: RegExp; body: Buffer }> = [
  {
    // Bankmaster posting (T1 OWN/THIRD/PSE): BankmasterTransfersAdapter.transfer reads reference + authorizationId
    method: 'POST',
    test: /^\/bankmaster\/transfers$/,
    body: pad({ reference: 'APIB0000000000000001', authorizationId: '004512', duplicate: false, valueDate: '20240315', office: '0148', channel: 'API' }, 300),
  },
  {
    // Bankmaster main account of a customer (F1): BankmasterCashAdapter.mainAccount
    method: 'GET',
    test: /^\/bankmaster\/customers\/[^/]+\/main-account$/,
    body: pad(
      {
        customer: { id: '1234567890', idType: 'CC', name: 'NEY PEREZ' },
        account: { acctId: '40010000001', acctType: 'SDA', status: 'active', description: 'CUENTA DE AHORROS' },
        branch: '0148',
      },
      300,
    ),
  },
];

const NOT_FOUND = Buffer.from(JSON.stringify({ errorCode: 'SIM404', errorType: 'SIM', errorDesc: 'NO SUCH CORE OPERATION' }));

export function createUpstreamStub(): http.Server {
  return http.createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    const path = req.url?.split('?')[0] ?? '';
    const hit = STUB_ANSWERS.find((a) => a.method === req.method && a.test.test(path));
    req.resume();
    req.on('end', () => {
      res.writeHead(hit ? 200 : 404, { 'content-type': 'application/json', 'content-length': (hit?.body ?? NOT_FOUND).length });
      res.end(hit?.body ?? NOT_FOUND);
    });
  });
}

if (require.main === module) {
  const server = createUpstreamStub();
  server.listen(0, '127.0.0.1', () => {
    serveTarget((server.address() as AddressInfo).port, async () => {
      server.closeAllConnections();
      server.close();
    });
  });
}
