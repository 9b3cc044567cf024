import path from 'node:path';
import type { Request } from 'express';
import { loadSpec } from '../../src/policies/contract-validation/handler';
import { CONTRACT_FORMATS } from '../../src/policies/contract-validation/formats';
import { describeValidationErrors } from '../../src/errors/validation-messages';
import { GatewayError } from '../../src/errors/gateway-error';

/** xFerRec.categCode -> the contract's type for that kind of transfer (raml/transfers-management/types.raml). */
export const TRANSFER_KINDS = {
  OWN: 'OwnTransferRequest',
  THIRD: 'ThirdPartyTransferRequest',
  PSE: 'InterbankTransferRequest',
  CCR: 'CardAdvanceRequest',
  TFI: 'FundTransferRequest',
} as const;
export type TransferKind = keyof typeof TRANSFER_KINDS;
const KIND_LIST = Object.keys(TRANSFER_KINDS).join(', ');

// The same AJV the contract validator runs (express-openapi-validator's own dependency).
const eovDir = path.dirname(require.resolve('express-openapi-validator'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Ajv = require(require.resolve('ajv', { paths: [eovDir] })).default;

interface AjvError {
  instancePath: string;
  message?: string;
  params?: { missingProperty?: string; additionalProperty?: string };
}

/**
 * T1's body is a union of five kinds told apart by a NESTED field, which neither RAML's nor
 * OpenAPI's discriminator can express: the validator would report every branch's complaints.
 * This check validates the body against the kind it names only, with the contract's own
 * component schemas, so the message names the fields that kind is missing. Everything else
 * (headers, a body that passes) is left to the contract validator.
 */
export function createTransferKindCheck(specFile: string): (req: Request) => void {
  const spec = loadSpec(specFile);
  const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false });
  ajv.addFormat('decimal2', CONTRACT_FORMATS.decimal2);
  ajv.addSchema({ components: spec.components }, 'contract');
  const validators = Object.fromEntries(
    Object.entries(TRANSFER_KINDS).map(([kind, schema]) => [kind, ajv.compile({ $ref: `contract#/components/schemas/${schema}` })]),
  ) as Record<TransferKind, ((v: unknown) => boolean) & { errors?: AjvError[] }>;

  return (req) => {
    const body = req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return;
    const code = body.xFerRec?.categCode;
    if (code === undefined) throw GatewayError.of('BAD_REQUEST', `Field xFerRec.categCode is required (one of ${KIND_LIST})`);
    const validate = validators[code as TransferKind];
    if (!validate) throw GatewayError.of('BAD_REQUEST', `Field xFerRec.categCode must be one of ${KIND_LIST}`);
    if (validate(body)) return;
    // the shape express-openapi-validator reports, so the messages read the same
    const items = (validate.errors ?? []).map((e) => ({
      path: `/body${e.instancePath}${e.params?.missingProperty ? `/${e.params.missingProperty}` : ''}`,
      message: e.message,
    }));
    throw GatewayError.of('BAD_REQUEST', describeValidationErrors(items), { detail: items });
  };
}
