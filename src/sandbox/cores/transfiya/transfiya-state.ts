import crypto from 'node:crypto';
import type { SandboxState } from '../../state/sandbox-state';
import { sim } from '../../sim-error';
import type { TyTrust as WireTrust } from '../../../adapters/transfiya/transfiya-wire';
import { ENROLLMENTS, PENDING_REQUEST, PENDING_TRANSFER, RECENT, TRUST, type SeedEnrollment } from '../../fixtures/transfers-transfiya';

export type Status = 'pending' | 'accepted' | 'rejected' | 'blocked';

export interface TyTransfer {
  trnCode: string;
  reference: string;
  fromPhone: string;
  toPhone: string;
  amountCents: number;
  feeCents: number;
  description: string;
  status: Status;
  seq: number;
}

export interface TyRequest {
  trnCode: string;
  reference: string;
  requesterPhone: string;
  payerPhone: string;
  amountCents: number;
  description: string;
  status: Status;
  seq: number;
}

/** A trust relationship as the core keeps it: the wire shape (shared with the adapter) plus a seed lock. */
export interface TyTrust extends WireTrust {
  locked?: boolean;
}

/** The ACH Transfiya directory and its transactions (money itself lives in the shared ledger). */
export class TransfiyaDomain {
  readonly enrollments = new Map<string, SeedEnrollment>();
  readonly transfers: TyTransfer[] = [];
  readonly requests: TyRequest[] = [];
  trust: TyTrust[] = [];
  private seq = 0;

  next(): number {
    return ++this.seq;
  }

  /** ACH-style transaction code: 17 letters and digits. */
  newCode(): string {
    return crypto.randomBytes(13).toString('base64').replace(/[^A-Za-z0-9]/g, '').padEnd(17, '7').slice(0, 17);
  }

  enrolled(phone: string): SeedEnrollment {
    const e = this.enrollments.get(phone);
    if (!e) throw sim(404, '20001', 'RGN', 'MATRICULA INEXISTENTE');
    return e;
  }

  relation(fromPhone: string, toPhone: string): TyTrust | undefined {
    return this.trust.find((t) => t.fromPhone === fromPhone && t.toPhone === toPhone);
  }

  setRelation(fromPhone: string, toPhone: string, status: 'A' | 'B'): TyTrust {
    const existing = this.relation(fromPhone, toPhone);
    if (existing) {
      existing.status = status;
      return existing;
    }
    const created = { id: crypto.randomUUID(), fromPhone, toPhone, status, since: new Date().toISOString().slice(0, 10) };
    this.trust.push(created);
    return created;
  }
}

export function transfiyaDomain(state: SandboxState): TransfiyaDomain {
  return state.domain('transfiya', () => {
    const d = new TransfiyaDomain();
    for (const e of ENROLLMENTS) d.enrollments.set(e.phone, { ...e });
    for (const to of RECENT.to) {
      const trnCode = d.newCode();
      d.transfers.push({ trnCode, reference: `seed-${trnCode}`, fromPhone: RECENT.phone, toPhone: to, amountCents: 1_000_000, feeCents: 0, description: 'envio', status: 'accepted', seq: d.next() });
    }
    d.transfers.push({ ...PENDING_TRANSFER, reference: 'seed-pending-transfer', feeCents: 0, description: PENDING_TRANSFER.desc, status: 'pending', seq: d.next() });
    d.requests.push({ ...PENDING_REQUEST, reference: 'seed-pending-request', description: PENDING_REQUEST.desc, status: 'pending', seq: d.next() });
    d.trust = TRUST.map((t) => ({ ...t, id: crypto.randomUUID() }));
    return d;
  });
}
