import request from 'supertest';
import type { TestGateway } from '../../helpers/gateway';
import type { OpenApiRequest } from './openapi-requests';

/**
 * Sends a request built from the OpenAPI to the in-process gateway, with the sandbox demo client's
 * credentials, doing what its x-sandbox hint asks: the OTP the sandbox delivered to the account
 * holder (or another one), or a fault injected in the simulated core.
 */
export async function sendExample(t: TestGateway, basePath: string, r: OpenApiRequest): Promise<request.Response> {
  let body = r.body === undefined ? undefined : JSON.parse(JSON.stringify(r.body));
  if (r.sandbox?.otp) {
    const box = await request(t.app).get(`/sandbox/otp/${body.IDcuenta}`).auth(t.config.sandbox.adminUser, t.config.sandbox.adminSecret);
    if (box.status !== 200) throw new Error(`${r.operationId} ${r.name}: no OTP delivered to ${body.IDcuenta}: ${JSON.stringify(box.body)}`);
    const delivered = String(box.body.otp ?? box.body.code ?? box.body.OTP);
    body.OTP = r.sandbox.otp === 'delivered' ? delivered : String((Number(delivered) + 1) % 1_000_000).padStart(6, '0');
  }
  const headers: Record<string, string> = { ...(await t.auth()), ...r.headers };
  if (r.sandbox?.fault) headers['X-Sandbox-Fault'] = r.sandbox.fault;
  let req = request(t.app)[r.method.toLowerCase() as 'get'](`${basePath}${r.url}`);
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  if (body !== undefined) req = req.set('Content-Type', 'application/json').send(JSON.stringify(body));
  return req;
}
