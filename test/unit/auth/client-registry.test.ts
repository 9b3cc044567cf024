import { ClientRegistry, loadClientRegistry, type ClientApp } from '../../../src/auth/client-registry';
import * as secretHash from '../../../src/auth/secret-hash';

const mk = async (over: Partial<ClientApp> = {}): Promise<ClientApp> => ({
  clientId: 'app-1',
  name: 'App one',
  secretHash: await secretHash.hashSecret('s3cret-value'),
  status: 'active',
  apis: ['facilito'],
  tier: 'silver',
  ...over,
});

describe('secret hashing', () => {
  it('when a secret is hashed, then the stored form is a salted scrypt hash, never the secret', async () => {
    const a = await secretHash.hashSecret('s3cret-value');
    const b = await secretHash.hashSecret('s3cret-value');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toContain('s3cret-value');
    expect(a).not.toBe(b); // salted
    expect(await secretHash.verifySecret('s3cret-value', a)).toBe(true);
    expect(await secretHash.verifySecret('s3cret-valuE', a)).toBe(false);
  });
});

describe('ClientRegistry', () => {
  it('when id and secret match an active client, then the client is returned', async () => {
    const reg = new ClientRegistry([await mk()]);
    await expect(reg.authenticate('app-1', 's3cret-value')).resolves.toMatchObject({ clientId: 'app-1', tier: 'silver' });
  });

  it('when headers are missing, then 401 naming both headers', async () => {
    const reg = new ClientRegistry([await mk()]);
    await expect(reg.authenticate(undefined, 'x')).rejects.toMatchObject({ status: 401, errorDesc: expect.stringMatching(/client_id and client_secret/) });
  });

  it('when the client is unknown or the secret wrong, then 401 with the same description', async () => {
    const reg = new ClientRegistry([await mk()]);
    const unknown = await reg.authenticate('nobody', 's3cret-value').catch((e) => e);
    const wrong = await reg.authenticate('app-1', 'guess').catch((e) => e);
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.errorDesc).toBe(wrong.errorDesc);
  });

  it('when the client is revoked, then 403 even with the right secret', async () => {
    const reg = new ClientRegistry([await mk({ status: 'revoked' })]);
    await expect(reg.authenticate('app-1', 's3cret-value')).rejects.toMatchObject({ status: 403, errorCode: 'GW-403-01' });
  });

  it('when a client calls an API it is not contracted to, then 403', async () => {
    const client = await mk();
    expect(() => ClientRegistry.assertContracted(client, 'transfers-management')).toThrow(expect.objectContaining({ status: 403, errorCode: 'GW-403-02' }));
    expect(() => ClientRegistry.assertContracted(client, 'facilito')).not.toThrow();
  });

  it('when the same secret is checked again, then the salted hash is not recomputed', async () => {
    const reg = new ClientRegistry([await mk()]);
    const spy = jest.spyOn(secretHash, 'verifySecret');
    await reg.authenticate('app-1', 's3cret-value');
    await reg.authenticate('app-1', 's3cret-value');
    await reg.authenticate('app-1', 's3cret-value');
    expect(spy).toHaveBeenCalledTimes(1);
    // a wrong secret after a good one is still checked, and still refused
    await expect(reg.authenticate('app-1', 'other')).rejects.toMatchObject({ status: 401 });
    spy.mockRestore();
  });

  it('when a client is revoked after it was verified, then the next call is refused', async () => {
    const reg = new ClientRegistry([await mk()]);
    await reg.authenticate('app-1', 's3cret-value');
    reg.setStatus('app-1', 'revoked');
    await expect(reg.authenticate('app-1', 's3cret-value')).rejects.toMatchObject({ status: 403 });
  });

  it('when a registry entry holds a plain-text secret, then it is refused at load', () => {
    expect(() => new ClientRegistry([{ clientId: 'x', name: 'x', secretHash: 'plain', status: 'active', apis: [], tier: 'gold' }])).toThrow(/not an scrypt hash/);
  });

  it('when the sandbox registry is loaded, then the demo client exists with a hashed secret from config', async () => {
    const reg = await loadClientRegistry({ env: 'sandbox', file: '', sandboxClientId: 'demo', sandboxClientSecret: 'demo-secret', cacheSize: 10 });
    expect(reg.get('demo')?.secretHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(reg.list())).not.toContain('demo-secret');
    await expect(reg.authenticate('demo', 'demo-secret')).resolves.toMatchObject({ apis: ['collections-management', 'transfers-management', 'facilito'] });
  });

  it('when the prod registry is loaded, then no demo client is added', async () => {
    const reg = await loadClientRegistry({ env: 'prod', file: '', sandboxClientId: 'demo', sandboxClientSecret: 'demo-secret', cacheSize: 10 });
    expect(reg.get('demo')).toBeUndefined();
  });
});
