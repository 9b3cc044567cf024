import type { CoreClients } from '../../src/adapters/registry';
import type { CashPort } from '../../src/adapters/ports/cash';
import { BankmasterCashAdapter } from '../../src/adapters/bankmaster/cash-adapter';

export interface FacilitoPorts {
  cash: CashPort;
}

export const createFacilitoPorts = (cores: CoreClients): FacilitoPorts => ({
  cash: new BankmasterCashAdapter(cores.bankmaster),
});
