import { PassThrough } from 'node:stream';
import { mask, maskDigits, maskUrl } from '../../../src/observability/masking';
import { createLogger } from '../../../src/observability/logger';

describe('masking', () => {
  it('when secrets appear under any casing, then they are removed entirely', () => {
    const out = mask({ client_secret: 'abc', Authorization: 'Bearer xyz', nested: { OTP: '123456', access_token: 't' } }) as Record<string, any>;
    expect(out.client_secret).toBe('[REDACTED]');
    expect(out.Authorization).toBe('[REDACTED]');
    expect(out.nested.OTP).toBe('[REDACTED]');
    expect(out.nested.access_token).toBe('[REDACTED]');
  });

  it('when personal data appears, then only the last four characters remain', () => {
    const out = mask({ xFerInfo: { depAcctIdFrom: { acctId: '24517151999' } }, govIssueIdent: { identSerialNum: '1234567890' }, IDcuenta: '40010000001' }) as any;
    expect(out.xFerInfo.depAcctIdFrom.acctId).toBe('*******1999');
    expect(out.govIssueIdent.identSerialNum).toBe('******7890');
    expect(out.IDcuenta).toBe('*******0001');
  });

  it('when long digit runs appear in free text or URLs, then they are masked', () => {
    expect(maskDigits('/facilito/v1/customers/1234567890/account')).toBe('/facilito/v1/customers/******7890/account');
    expect(maskDigits('card 4111111111111111 used')).not.toContain('4111111111111111');
  });

  it('when a secret or an identity is a top-level field of an entry, then it is masked too; the correlation id is kept', () => {
    const stream = new PassThrough();
    let out = '';
    stream.on('data', (c) => (out += c));
    const logger = createLogger({ level: 'info', stream });
    logger.info('x', { client_secret: 'topsecret', OTP: '123987', Cedula: '1234567890', correlationId: 'APIF4087320000000001' });
    const line = JSON.parse(out);
    expect(line).toMatchObject({ client_secret: '[REDACTED]', OTP: '[REDACTED]', Cedula: '******7890', correlationId: 'APIF4087320000000001' });
  });

  it('when the logger writes an entry, then nothing sensitive reaches the transport', () => {
    const stream = new PassThrough();
    let out = '';
    stream.on('data', (c) => (out += c));
    const logger = createLogger({ level: 'debug', stream });
    logger.info('request', { requestHeaders: { client_secret: 'topsecret', authorization: 'Bearer eyJhbGciOi.payload.sig' }, requestBody: { OTP: '998877', Cedula: '1234567890' } });
    expect(out).not.toMatch(/topsecret|eyJhbGciOi|998877|1234567890/);
    expect(out).toContain('[REDACTED]');
  });

  it.each([
    ['a credential', '/p?access_token=abc.def.ghi', '/p?access_token=***'],
    ['an OTP, no last digits', '/p?otp=123987', '/p?otp=***'],
    ['any name at all', '/p?note=hello&x=1', '/p?note=***&x=***'],
    ['a value sent as a name', '/p?123987', '/p?***'],
    ['a name that is not one', '/p?%3Cscript%3E=1', '/p?***'],
    ['a malformed escape', '/p?a=%E0%A4%A', '/p?***'],
    ['the path digits still masked', '/c/1234567890/a?b=2', '/c/******7890/a?b=***'],
  ])('when a URL with %s is masked for a log line, then no query value is shown', (_what, url, logged) => {
    expect(maskUrl(url)).toBe(logged);
  });

  it('when the contract allows a value in clear, then only that value is shown', () => {
    expect(maskUrl('/p?type=CC&id=79123456', (n, v) => n === 'type' && v === 'CC')).toBe('/p?type=CC&id=***');
  });
});
