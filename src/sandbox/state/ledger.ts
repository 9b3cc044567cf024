import crypto from 'node:crypto';
import { SimCoreError, sim } from '../sim-error';

export type AccountStatus = 'active' | 'blocked' | 'cancelled' | 'inactive' | 'debit-blocked' | 'credit-blocked';

export interface Account {
  acctId: string;
  /** SDA savings, DDA checking, OFA fund, LOAN... */
  acctType: string;
  holderName: string;
  holderIdType: string;
  holderId: string;
  status: AccountStatus;
  /** Money in integer cents: no floating point anywhere in the ledger. */
  balanceCents: number;
  pocketBalanceCents: number;
  description: string;
}

export interface PostingEntry {
  acctId: string;
  /** Positive credits the account, negative debits it. */
  deltaCents: number;
  /** Moves between the account and its pocket instead of the balance alone. */
  pocket?: boolean;
}

export interface Posting {
  reference: string;
  fingerprint: string;
  kind: string;
  entries: PostingEntry[];
  authorizationId: string;
  postedAt: string;
  reversedBy?: string;
  /** Data the posting core wants to answer again on a duplicate. */
  result: Record<string, unknown>;
}

/** Errors of the transfers table (002) the ledger raises; other cores map to their own codes. */
export const LEDGER_ERRORS = {
  noAccount: () => sim(404, 'NC', 'TRX', 'CUENTA NO EXISTE'),
  closed: () => sim(400, 'ND', 'TRX', 'CUENTA CERRADA'),
  blocked: () => sim(400, 'NF', 'TRX', 'CUENTA BLOQUEADA'),
  inactive: () => sim(400, '11101', 'VAL', 'CUENTA ES CUENTA INACTIVA'),
  debitBlocked: () => sim(400, 'W7', 'TRX', 'CUENTA BLOQUEADA PARA DEBITOS'),
  creditBlocked: () => sim(400, 'W6', 'TRX', 'CUENTA BLOQUEADA PARA CREDITOS'),
  funds: () => sim(400, 'W2', 'TRX', 'FONDOS INSUFICIENTES PARA RETIRO'),
  duplicate: () => sim(400, 'PM', 'TRX', 'REFERENCIA DEAL YA EXISTE. REINTENTE'),
  sameAccount: () => sim(400, '11110', 'VAL', 'CUENTA ORIGEN IGUAL A CUENTA DESTINO'),
  unknownReference: () => sim(400, 'N4', 'TRX', 'REF.TRAN.PARA REVER.DEBE IDEN.NEGOC.VAL.NO REV.'),
  amountMismatch: () => sim(400, 'P1', 'TRX', 'REF.NEG.REV.MONTO,FEC.LIB Y MONTO DEBEN COINC.'),
};

/**
 * Accounts and postings. A posting is atomic (all entries or none) and identified by the
 * channel's reference: the same reference with the same content answers the first result
 * again (duplicate: true) and moves nothing; with other content it is refused (PM/TRX).
 */
export class Ledger {
  readonly accounts = new Map<string, Account>();
  readonly postings = new Map<string, Posting>();
  private seq = 0;

  addAccount(a: Omit<Account, 'pocketBalanceCents' | 'description'> & Partial<Pick<Account, 'pocketBalanceCents' | 'description'>>): Account {
    // fixtures of different APIs must not silently overwrite each other's accounts
    if (this.accounts.has(a.acctId)) throw new Error(`sandbox fixture: account ${a.acctId} is seeded twice`);
    const acct: Account = { pocketBalanceCents: 0, description: 'CUENTA DE AHORROS', ...a };
    this.accounts.set(acct.acctId, acct);
    return acct;
  }

  account(acctId: string): Account {
    const a = this.accounts.get(acctId);
    if (!a) throw LEDGER_ERRORS.noAccount();
    return a;
  }

  accountsOf(holderId: string): Account[] {
    return [...this.accounts.values()].filter((a) => a.holderId === holderId);
  }

  nextAuthorization(prefix = ''): string {
    this.seq += 1;
    return `${prefix}${String(Date.now() % 1_000_000).padStart(6, '0')}${String(this.seq).padStart(6, '0')}`;
  }

  private check(a: Account, delta: number): void {
    if (a.status === 'cancelled') throw LEDGER_ERRORS.closed();
    if (a.status === 'blocked') throw LEDGER_ERRORS.blocked();
    if (a.status === 'inactive') throw LEDGER_ERRORS.inactive();
    if (delta < 0 && a.status === 'debit-blocked') throw LEDGER_ERRORS.debitBlocked();
    if (delta > 0 && a.status === 'credit-blocked') throw LEDGER_ERRORS.creditBlocked();
  }

  static fingerprint(parts: unknown): string {
    return crypto.createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
  }

  /** Applies a posting once per reference. Returns it with duplicate=true when it was already applied. */
  post(p: { reference: string; kind: string; entries: PostingEntry[]; fingerprint?: string; result?: Record<string, unknown>; authPrefix?: string }): {
    posting: Posting;
    duplicate: boolean;
  } {
    const fingerprint = p.fingerprint ?? Ledger.fingerprint({ kind: p.kind, entries: p.entries });
    const existing = this.postings.get(p.reference);
    if (existing) {
      if (existing.fingerprint !== fingerprint) throw LEDGER_ERRORS.duplicate();
      return { posting: existing, duplicate: true };
    }
    const accounts = p.entries.map((e) => this.account(e.acctId));
    const ids = new Set(p.entries.map((e) => e.acctId));
    if (p.entries.length > 1 && ids.size === 1 && !p.entries.some((e) => e.pocket)) throw LEDGER_ERRORS.sameAccount();
    p.entries.forEach((e, i) => this.check(accounts[i], e.deltaCents));
    // all checks before any change: a posting is all or nothing
    p.entries.forEach((e, i) => {
      const a = accounts[i];
      if (e.pocket) {
        // deltaCents > 0 moves money from the pocket back to the account
        if (e.deltaCents < 0 && a.balanceCents + e.deltaCents < 0) throw LEDGER_ERRORS.funds();
        if (e.deltaCents > 0 && a.pocketBalanceCents - e.deltaCents < 0) throw LEDGER_ERRORS.funds();
      } else if (e.deltaCents < 0 && a.balanceCents + e.deltaCents < 0) throw LEDGER_ERRORS.funds();
    });
    p.entries.forEach((e, i) => {
      const a = accounts[i];
      a.balanceCents += e.deltaCents;
      if (e.pocket) a.pocketBalanceCents -= e.deltaCents;
    });
    const posting: Posting = {
      reference: p.reference,
      fingerprint,
      kind: p.kind,
      entries: p.entries.map((e) => ({ ...e })),
      authorizationId: this.nextAuthorization(p.authPrefix),
      postedAt: new Date().toISOString(),
      result: p.result ?? {},
    };
    this.postings.set(p.reference, posting);
    return { posting, duplicate: false };
  }

  /** Undoes a posting once (reversal reference -> original); a second reversal answers the first. */
  reverse(originalReference: string, reversalReference: string, amountCents?: number): { posting: Posting; duplicate: boolean } {
    const original = this.postings.get(originalReference);
    if (!original) throw LEDGER_ERRORS.unknownReference();
    if (original.reversedBy) {
      const rev = this.postings.get(original.reversedBy)!;
      return { posting: rev, duplicate: true };
    }
    if (amountCents !== undefined) {
      const moved = Math.max(...original.entries.map((e) => Math.abs(e.deltaCents)));
      if (moved !== amountCents) throw LEDGER_ERRORS.amountMismatch();
    }
    const entries = original.entries.map((e) => ({ ...e, deltaCents: -e.deltaCents }));
    // a reversal must not fail on account state: it restores what was there
    for (const e of entries) {
      const a = this.account(e.acctId);
      if (e.deltaCents < 0 && !e.pocket && a.balanceCents + e.deltaCents < 0) throw LEDGER_ERRORS.funds();
    }
    for (const e of entries) {
      const a = this.account(e.acctId);
      a.balanceCents += e.deltaCents;
      if (e.pocket) a.pocketBalanceCents -= e.deltaCents;
    }
    const posting: Posting = {
      reference: reversalReference,
      fingerprint: Ledger.fingerprint({ reversal: originalReference }),
      kind: `reversal:${original.kind}`,
      entries,
      authorizationId: this.nextAuthorization('R'),
      postedAt: new Date().toISOString(),
      result: {},
    };
    original.reversedBy = reversalReference;
    this.postings.set(reversalReference, posting);
    return { posting, duplicate: false };
  }

  posting(reference: string): Posting | undefined {
    return this.postings.get(reference);
  }
}

export { SimCoreError };
