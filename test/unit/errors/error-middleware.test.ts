import { toGatewayError } from '../../../src/errors/error-middleware';
import { GatewayError } from '../../../src/errors/gateway-error';
import { GATEWAY_ERRORS } from '../../../src/errors/catalog';
import { describeValidationErrors, registerHeaderNames } from '../../../src/errors/validation-messages';

describe('toGatewayError', () => {
  it('when body-parser rejects JSON, then MALFORMED_JSON 400 without the parser text', () => {
    const e = toGatewayError(Object.assign(new SyntaxError('Unexpected token } in JSON at position 7'), { type: 'entity.parse.failed', status: 400 }));
    expect(e.status).toBe(400);
    expect(e.errorCode).toBe(GATEWAY_ERRORS.MALFORMED_JSON.errorCode);
    expect(e.errorDesc).not.toMatch(/position/);
  });

  it('when the body is too large, then 413', () => {
    expect(toGatewayError({ type: 'entity.too.large', status: 413 }).status).toBe(413);
  });

  it('when the validator reports 405, then the Allow header is kept', () => {
    const e = toGatewayError({ status: 405, errors: [{ path: '/x', message: 'POST method not allowed' }], headers: { Allow: 'get' } });
    expect(e.status).toBe(405);
    expect(e.headers.Allow).toBe('get');
  });

  it('when anything else is thrown, then a generic 500 whose description never echoes the exception', () => {
    const e = toGatewayError(new Error('connect ECONNREFUSED db01.bank.internal:5432'));
    expect(e.status).toBe(500);
    expect(JSON.stringify(e.envelope())).not.toMatch(/db01|ECONNREFUSED|5432/);
    expect(e.envelope()).toEqual({
      responseType: { value: 'ER' },
      responseDetail: { errorCode: 'GW-500-01', errorDesc: 'Internal gateway error', errorType: 'GTW' },
    });
  });

  it('when a GatewayError is thrown, then it is answered as is', () => {
    const g = GatewayError.of('RATE_LIMITED');
    expect(toGatewayError(g)).toBe(g);
  });
});

describe('describeValidationErrors', () => {
  it('when several fields and headers are wrong, then every one is named with its canonical spelling', () => {
    registerHeaderNames(['X-Invoker-subChannel']);
    const text = describeValidationErrors([
      { path: '.body.xFerInfo', message: "must have required property 'amt'" },
      { path: '/body/xFerInfo/depAcctIdTo/acctId', message: 'must be string' },
      { path: '.headers.x-invoker-subchannel', message: 'must match pattern "^[0-9]{2}$"' },
      { path: '.body.extra', message: 'must NOT have additional properties' },
    ]);
    expect(text).toContain('Field xFerInfo.amt is required');
    expect(text).toContain('field xFerInfo.depAcctIdTo.acctId must be string');
    expect(text).toContain('header X-Invoker-subChannel must match the pattern ^[0-9]{2}$');
    expect(text).toContain('field extra is not allowed (unknown field)');
  });
});

describe('the gateway error catalog', () => {
  it('when codes are listed, then each is unique and carries its HTTP status', () => {
    const entries = Object.values(GATEWAY_ERRORS);
    expect(new Set(entries.map((e) => e.errorCode)).size).toBe(entries.length);
    for (const e of entries) expect(e.errorCode).toMatch(new RegExp(`^GW-${e.status}-\\d{2}$`));
  });
});
