import { nonNegativeInt } from '../../config/formats';
import type { SchemaValue } from '../../config/schema-types';

/** policies.invoker */
export const invokerSettings = {
  invoker: {
    julianDateMaxSkewDays: {
      doc: 'Correspondent X-Invoker-TxId: maximum distance in days between its Julian date and today (0 disables the check).',
      format: nonNegativeInt('policies.invoker.julianDateMaxSkewDays'),
      default: 0,
      env: 'GATEWAY_INVOKER_JULIAN_SKEW_DAYS',
    },
  },
};

export type InvokerSettings = SchemaValue<typeof invokerSettings.invoker>;
