import type { SchemaValue } from '../../config/schema-types';

/** policies.validation */
export const validationSettings = {
  validation: {
    responses: {
      doc: 'Validate responses against the contract: off, log (drift logged as an error) or fail (500, used by tests).',
      format: ['off', 'log', 'fail'],
      default: 'log',
      env: 'GATEWAY_VALIDATE_RESPONSES',
    },
  },
};

export type ValidationSettings = SchemaValue<typeof validationSettings.validation>;
