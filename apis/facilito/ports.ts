import type { CoreCallers } from '../../src/gateway/core';
import type { CashPort } from '../../src/adapters/ports/cash';
import { BankmasterCashAdapter } from '../../src/adapters/bankmaster/cash-adapter';
import type { FacilitoSettings } from './schema';

export interface FacilitoPorts {
  cash: CashPort;
  /** The withdrawal OTP's lifetime and attempts (facilito.* settings). */
  otp: { ttlSeconds: number; maxAttempts: number };
}

export const createFacilitoPorts = (cores: CoreCallers, settings: FacilitoSettings): FacilitoPorts => ({
  cash: new BankmasterCashAdapter(cores.bankmaster),
  otp: { ttlSeconds: settings.otpTtlSeconds, maxAttempts: settings.otpMaxAttempts },
});
