import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import nock from '../../helpers/nock';
import { TokenService, type TokenServiceOptions } from '../../../src/auth/token-service';
import type { ClientApp } from '../../../src/auth/client-registry';

const client: ClientApp = { clientId: 'app-1', name: 'a', secretHash: 'hmac-sha256$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', status: 'active', apis: ['facilito'], tier: 'gold' };
const base: TokenServiceOptions = {
  issuer: 'https://issuer.test',
  audience: 'bank-api-gateway',
  algorithms: ['RS256'],
  ttlSeconds: 60,
  clockToleranceSeconds: 0,
  issueTokens: true,
  cacheSize: 100,
};

describe('TokenService', () => {
  const svc = TokenService.create(base);

  it('when a token is issued, then it carries iss, aud, exp, iat, jti and client_id and verifies', async () => {
    const { token, expiresIn } = svc.issue(client);
    expect(expiresIn).toBe(60);
    const claims = await svc.verify(token);
    expect(claims).toMatchObject({ iss: base.issuer, aud: base.audience, client_id: 'app-1', sub: 'app-1' });
    expect(typeof claims.jti).toBe('string');
    expect(claims.exp! - claims.iat!).toBe(60);
  });

  it('when the token has expired, then TOKEN_EXPIRED', async () => {
    const { token } = svc.issue(client, -10);
    await expect(svc.verify(token)).rejects.toMatchObject({ status: 401, errorCode: 'GW-401-05' });
  });

  it('when the signature is from another key, then INVALID_TOKEN', async () => {
    const other = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const forged = jwt.sign({ client_id: 'app-1' }, other, { algorithm: 'RS256', issuer: base.issuer, audience: base.audience, expiresIn: 60 });
    await expect(svc.verify(forged)).rejects.toMatchObject({ status: 401, errorDesc: expect.stringMatching(/signature/) });
  });

  it('when alg is none, then it is refused', async () => {
    const none = jwt.sign({ client_id: 'app-1', iss: base.issuer, aud: base.audience, exp: Math.floor(Date.now() / 1000) + 60 }, '', { algorithm: 'none' });
    await expect(svc.verify(none)).rejects.toMatchObject({ status: 401, errorDesc: expect.stringMatching(/algorithm none/) });
  });

  it('when HS256 is signed with the public key as secret (key confusion), then it is refused', async () => {
    const pem = (svc.jwksDocument().keys[0] as { n: string }).n; // any public material
    const confused = jwt.sign({ client_id: 'app-1' }, pem, { algorithm: 'HS256', issuer: base.issuer, audience: base.audience, expiresIn: 60 });
    await expect(svc.verify(confused)).rejects.toMatchObject({ status: 401, errorDesc: expect.stringMatching(/algorithm HS256/) });
  });

  it('when aud or iss differ, then INVALID_TOKEN naming the claim', async () => {
    const other = TokenService.create({ ...base, audience: 'someone-else' });
    const { token } = other.issue(client);
    await expect(other.verify(token)).resolves.toBeTruthy();
    await expect(svc.verify(token)).rejects.toMatchObject({ status: 401 });
  });

  it('when the token is not a JWT, then INVALID_TOKEN', async () => {
    await expect(svc.verify('abc.def.ghi')).rejects.toMatchObject({ status: 401 });
  });

  it('when a verified token is presented again, then the signature is not checked again', async () => {
    const { token } = svc.issue(client);
    const spy = jest.spyOn(jwt, 'verify');
    await svc.verify(token);
    await svc.verify(token);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('when an external issuer key is configured, then tokens it signed are accepted', async () => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gw-')), 'issuer.pem');
    fs.writeFileSync(file, publicKey.export({ type: 'spki', format: 'pem' }));
    const verifier = TokenService.create({ ...base, issueTokens: false, publicKeyFile: file });
    expect(verifier.canIssue).toBe(false);
    const token = jwt.sign({ client_id: 'app-1' }, privateKey, { algorithm: 'RS256', issuer: base.issuer, audience: base.audience, expiresIn: 60 });
    await expect(verifier.verify(token)).resolves.toMatchObject({ client_id: 'app-1' });
  });

  it('when the token lacks client_id, then INVALID_TOKEN', async () => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gw-')), 'issuer.pem');
    fs.writeFileSync(file, publicKey.export({ type: 'spki', format: 'pem' }));
    const verifier = TokenService.create({ ...base, issueTokens: false, publicKeyFile: file });
    const token = jwt.sign({ sub: 'x' }, privateKey, { algorithm: 'RS256', issuer: base.issuer, audience: base.audience, expiresIn: 60 });
    await expect(verifier.verify(token)).rejects.toMatchObject({ errorDesc: expect.stringMatching(/client_id/) });
  });
});

describe('TokenService with an external issuer JWKS (qa/prod)', () => {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'issuer-key-1', use: 'sig', alg: 'RS256' };
  beforeAll(() => nock.disableNetConnect());
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('when the token is signed with a key of the JWKS, then it verifies, and the key set is fetched once', async () => {
    const scope = nock('https://login.bank.example').get('/.well-known/jwks.json').once().reply(200, { keys: [jwk] });
    const svc = TokenService.create({ ...base, issueTokens: false, jwksUri: 'https://login.bank.example/.well-known/jwks.json' });
    const sign = () => jwt.sign({ client_id: 'app-1' }, privateKey, { algorithm: 'RS256', keyid: 'issuer-key-1', issuer: base.issuer, audience: base.audience, expiresIn: 60 });
    await expect(svc.verify(sign())).resolves.toMatchObject({ client_id: 'app-1' });
    await expect(svc.verify(sign())).resolves.toMatchObject({ client_id: 'app-1' });
    expect(scope.isDone()).toBe(true);
  });

  it('when the token names a kid the JWKS does not have, then INVALID_TOKEN', async () => {
    nock('https://login.bank.example').get('/.well-known/jwks.json').reply(200, { keys: [jwk] });
    const svc = TokenService.create({ ...base, issueTokens: false, jwksUri: 'https://login.bank.example/.well-known/jwks.json' });
    const token = jwt.sign({ client_id: 'app-1' }, privateKey, { algorithm: 'RS256', keyid: 'other-kid', issuer: base.issuer, audience: base.audience, expiresIn: 60 });
    await expect(svc.verify(token)).rejects.toMatchObject({ status: 401, errorDesc: expect.stringMatching(/signing key not recognised/) });
  });
});
