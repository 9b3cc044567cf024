import fs from 'node:fs';
import path from 'node:path';
import type { Request } from 'express';
import { createTransferKindCheck } from '../../apis/transfers-management/transfer-kinds';
import { GatewayError } from '../../src/errors/gateway-error';
import { projectPath } from '../../src/paths';

/** T1's kind check: a body is validated against the kind its xFerRec.categCode names, only. */
const check = createTransferKindCheck(projectPath('apis', 'transfers-management', 'openapi.json'));
const example = (f: string) => JSON.parse(fs.readFileSync(path.join(projectPath('raml', 'transfers-management', 'examples'), f), 'utf8'));
const run = (body: unknown) => check({ body } as Request);
const message = (body: unknown): string => {
  try {
    run(body);
  } catch (e) {
    expect(e).toBeInstanceOf(GatewayError);
    expect((e as GatewayError).status).toBe(400);
    return (e as GatewayError).errorDesc;
  }
  throw new Error('expected the check to refuse the body');
};

describe('T1 transfer kind check', () => {
  it.each(['transfer-own-request.json', 'transfer-third-party-request.json', 'transfer-interbank-request.json', 'transfer-card-advance-request.json', 'transfer-fund-request.json'])(
    'when the %s example is checked, then it passes',
    (f) => expect(() => run(example(f))).not.toThrow(),
  );

  it('when a CCR body lacks what CCR requires, then only those fields are named', () => {
    const b = example('transfer-card-advance-request.json');
    delete b.xFerInfo.numberOfInstallments;
    delete b.custPayeeInfo;
    expect(message(b)).toBe('Field custPayeeInfo is required; field xFerInfo.numberOfInstallments is required');
  });

  it('when a THIRD body has no personName, then that is the message (an OWN body would not need it)', () => {
    const b = example('transfer-third-party-request.json');
    delete b.xFerInfo.personName;
    expect(message(b)).toBe('Field xFerInfo.personName is required');
    const own = example('transfer-own-request.json');
    expect(own.xFerInfo.personName).toBeUndefined();
    expect(() => run(own)).not.toThrow();
  });

  it('when an amount has three decimals, then the decimal2 rule of the contract applies', () => {
    const b = example('transfer-fund-request.json');
    b.xFerInfo.amt = 10.005;
    expect(message(b)).toBe('Field xFerInfo.amt must be a positive amount with at most 2 decimals');
  });

  it('when the body is not an object, then it is left to the contract validator', () => {
    expect(() => run(undefined)).not.toThrow();
    expect(() => run([1, 2])).not.toThrow();
  });

  it('when categCode is missing or unknown, then the five kinds are listed', () => {
    expect(message({ refId: 'X' })).toBe('Field xFerRec.categCode is required (one of OWN, THIRD, PSE, CCR, TFI)');
    expect(message({ xFerRec: { categCode: 'own' } })).toBe('Field xFerRec.categCode must be one of OWN, THIRD, PSE, CCR, TFI');
  });
});
