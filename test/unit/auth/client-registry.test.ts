import { ClientRegistry, loadClientRegistry, type ClientApp } from '../../../src/auth/client-registry';
import { SecretHasher, isSecretHash } from '../../../src/auth/secret-hash';

const PEPPER = 'unit-test-pepper-0123456789abcdef0123';
const hasher = new SecretHasher(PEPPER);
const mk = (over: Partial<ClientApp> = {}): ClientApp => ({
  clientId: 'app-1',
  name: 'App one',
  secretHash: hasher.hash('s3cret-value'),
  status: 'active',
  apis: ['facilito'],
  tier: 'silver',
  ...over,
});
const registry = (clients: ClientApp[] = [mk()], throttle = { perClientId: 20, perSource: 20, windowSeconds: 60, store: 'memory' }) =>
  new ClientRegistry(clients, { hasher, throttle });

describe('secret hashing', () => {
  it('when a secret is hashed, then the stored form is HMAC-SHA256 with the pepper, never the secret', () => {
    const a = hasher.hash('s3cret-value');
    expect(a).toMatch(/^hmac-sha256\$[A-Za-z0-9_-]{43}$/);
    expect(isSecretHash(a)).toBe(true);
    expect(a).not.toContain('s3cret-value');
    // the pepper is the key: the same secret under another pepper is another hash
    expect(new SecretHasher('another-pepper-0123456789abcdef0123').hash('s3cret-value')).not.toBe(a);
    expect(hasher.hash('s3cret-value')).toBe(a);
  });
});

describe('ClientRegistry', () => {
  it('when id and secret match an active client, then the client is returned', async () => {
    await expect(registry().authenticate('app-1', 's3cret-value')).resolves.toMatchObject({ clientId: 'app-1', tier: 'silver' });
  });

  it('when headers are missing, then 401 naming both headers', async () => {
    await expect(registry().authenticate(undefined, 'x')).rejects.toMatchObject({ status: 401, errorDesc: expect.stringMatching(/client_id and client_secret/) });
  });

  it('when the client is unknown or the secret wrong, then 401 with the same description', async () => {
    const reg = registry();
    const unknown = await reg.authenticate('nobody', 's3cret-value').catch((e) => e);
    const wrong = await reg.authenticate('app-1', 'guess').catch((e) => e);
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.errorDesc).toBe(wrong.errorDesc);
  });

  it('when the client is unknown, then the same verification runs as for a wrong secret (HMAC against a dummy digest)', async () => {
    const reg = registry();
    const spy = jest.spyOn(hasher, 'verify');
    await reg.authenticate('nobody', 's3cret-value').catch(() => undefined);
    await reg.authenticate('app-1', 'wrong-secret-value').catch(() => undefined);
    expect(spy).toHaveBeenCalledTimes(2);
    const [unknownCall, wrongCall] = spy.mock.calls;
    expect(unknownCall[1]).toBeInstanceOf(Buffer);
    expect(unknownCall[1]).toHaveLength(wrongCall[1].length);
    spy.mockRestore();
  });

  it('when a client_id has failed 20 times in the window, then the 21st attempt is 429 with Retry-After and no hashing, even with the right secret', async () => {
    const reg = registry();
    for (let i = 0; i < 20; i++) await expect(reg.authenticate('app-1', `guess-${i}`, `10.0.0.${i}`)).rejects.toMatchObject({ status: 401 });
    const spy = jest.spyOn(hasher, 'verify');
    const err = await reg.authenticate('app-1', 's3cret-value', '10.0.1.1').catch((e) => e);
    expect(err).toMatchObject({ status: 429, errorCode: 'GW-429-02' });
    expect(Number(err.headers['Retry-After'])).toBeGreaterThan(0);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('when a source address has failed 20 times with any client_ids, then its 21st attempt is 429 without hashing; another address is still served', async () => {
    const reg = registry([mk()], { perClientId: 1000, perSource: 20, windowSeconds: 60, store: 'memory' });
    for (let i = 0; i < 20; i++) await expect(reg.authenticate(`nobody-${i}`, 'x-secret', '192.0.2.7')).rejects.toMatchObject({ status: 401 });
    const spy = jest.spyOn(hasher, 'verify');
    await expect(reg.authenticate('nobody-21', 'x-secret', '192.0.2.7')).rejects.toMatchObject({ status: 429, errorCode: 'GW-429-02' });
    expect(spy).not.toHaveBeenCalled();
    await expect(reg.authenticate('app-1', 's3cret-value', '192.0.2.8')).resolves.toMatchObject({ clientId: 'app-1' });
    spy.mockRestore();
  });

  it('when successful attempts are many, then they are not counted as failures', async () => {
    const reg = registry([mk()], { perClientId: 2, perSource: 2, windowSeconds: 60, store: 'memory' });
    for (let i = 0; i < 10; i++) await expect(reg.authenticate('app-1', 's3cret-value', '192.0.2.9')).resolves.toBeDefined();
  });

  it('when the client is revoked, then 403 even with the right secret', async () => {
    await expect(registry([mk({ status: 'revoked' })]).authenticate('app-1', 's3cret-value')).rejects.toMatchObject({ status: 403, errorCode: 'GW-403-01' });
  });

  it('when a client calls an API it is not contracted to, then 403', () => {
    const client = mk();
    expect(() => ClientRegistry.assertContracted(client, 'transfers-management')).toThrow(expect.objectContaining({ status: 403, errorCode: 'GW-403-02' }));
    expect(() => ClientRegistry.assertContracted(client, 'facilito')).not.toThrow();
  });

  it('when the same secret is checked again, then the HMAC is not recomputed; a wrong one after it still is, and refused', async () => {
    const reg = registry();
    const spy = jest.spyOn(hasher, 'verify');
    await reg.authenticate('app-1', 's3cret-value');
    await reg.authenticate('app-1', 's3cret-value');
    await reg.authenticate('app-1', 's3cret-value');
    expect(spy).toHaveBeenCalledTimes(1);
    await expect(reg.authenticate('app-1', 'other')).rejects.toMatchObject({ status: 401 });
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });

  it('when a client is revoked after it was verified, then the next call is refused', async () => {
    const reg = registry();
    await reg.authenticate('app-1', 's3cret-value');
    reg.setStatus('app-1', 'revoked');
    await expect(reg.authenticate('app-1', 's3cret-value')).rejects.toMatchObject({ status: 403 });
  });

  it('when a registry entry holds a plain-text secret, then it is refused at load', () => {
    expect(() => registry([mk({ clientId: 'x', secretHash: 'plain' })])).toThrow(/client x: secretHash is not an hmac-sha256 hash/);
  });

  it('when a registry entry holds an old scrypt hash, then the start-up error names the client and how to migrate', () => {
    const old = 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U';
    expect(() => registry([mk(), mk({ clientId: 'legacy-app', secretHash: old })])).toThrow(/client legacy-app: secretHash is in the old scrypt format.*npm run hash-secret/);
  });

  it('when the sandbox registry is loaded, then the demo client exists with a hashed secret from config', async () => {
    const reg = loadClientRegistry({ env: 'sandbox', file: '', sandboxClientId: 'demo', sandboxClientSecret: 'demo-secret', pepper: PEPPER, cacheSize: 10 });
    expect(reg.get('demo')?.secretHash).toBe(hasher.hash('demo-secret'));
    expect(JSON.stringify(reg.list())).not.toContain('demo-secret');
    await expect(reg.authenticate('demo', 'demo-secret')).resolves.toMatchObject({ apis: ['collections-management', 'transfers-management', 'facilito'] });
  });

  it('when the prod registry is loaded, then no demo client is added', () => {
    const reg = loadClientRegistry({ env: 'prod', file: '', sandboxClientId: 'demo', sandboxClientSecret: 'demo-secret', pepper: PEPPER, cacheSize: 10 });
    expect(reg.get('demo')).toBeUndefined();
  });
});
