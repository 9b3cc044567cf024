import { Ledger } from './ledger';

/**
 * The simulated cores' memory. The ledger (accounts, balances, postings by reference) is shared by
 * every core that moves money; each other domain (loans, Transfiya, negotiations...) registers
 * itself on first use with state.domain(name, factory) and seeds its own fixtures.
 */
export class SandboxState {
  readonly ledger = new Ledger();
  private readonly domains = new Map<string, unknown>();

  domain<T>(name: string, create: (state: SandboxState) => T): T {
    let d = this.domains.get(name) as T | undefined;
    if (d === undefined) {
      d = create(this);
      this.domains.set(name, d);
    }
    return d;
  }
}
