import { positiveInt } from '../../src/config/formats';
import type { SchemaValue } from '../../src/config/schema-types';

/** facilito.*: the Facilito API's own settings (the withdrawal OTP). */
export const facilitoSettings = {
  facilito: {
    otpTtlSeconds: { doc: 'Lifetime of a Facilito withdrawal OTP.', format: positiveInt, default: 300, env: 'FACILITO_OTP_TTL_SECONDS' },
    otpMaxAttempts: { doc: 'Wrong OTP attempts before the OTP is burned.', format: positiveInt, default: 3, env: 'FACILITO_OTP_MAX_ATTEMPTS' },
  },
};

export type FacilitoSettings = SchemaValue<typeof facilitoSettings.facilito>;
