import type { CoreCaller, CallContext, CoreRequest } from '../../gateway/core';
import type {
  Answer,
  Enrollment,
  EnrollmentChange,
  MoneyOrder,
  Page,
  PendingItem,
  TransfiyaPort,
  TrustChange,
  TrustChangeResult,
  TrustRelationship,
} from '../ports/transfiya';
import { withDealFallback } from '../bankmaster/transfers-errors';
import { TRANSFIYA_ERRORS } from '../catalogs/transfiya';
import { fromCents, toCents } from '../bankmaster/conventions';
import { CoreBusinessError } from '../core-errors';
import { DECISIONS, ENROLLMENT_OPERATIONS, TRUST_OPERATIONS, type TyItem, type TyTrust, type TyTrustResult } from './transfiya-wire';

const enc = encodeURIComponent;
const toPending = (i: TyItem): PendingItem => ({ counterpartPhone: i.counterpartPhone, amount: fromCents(i.amountCents), desc: i.description, pseTrnCode: i.trnCode });

/** ACH Transfiya: enrollment, send / request money and their answers, trust relationships. */
export class TransfiyaAdapter implements TransfiyaPort {
  constructor(private readonly core: CoreCaller) {}

  private call<T>(req: CoreRequest, ctx: CallContext): Promise<T> {
    return withDealFallback(TRANSFIYA_ERRORS, () => this.core.call<T>(req, ctx));
  }

  async enrollment(idType: string, idNumber: string, cellPhone: string | undefined, ctx: CallContext): Promise<Enrollment> {
    const rs = await this.call<{ phone: string; account: string }>(
      { operation: 'enrollment', method: 'GET', path: `/enrollments/${enc(idType)}/${enc(idNumber)}`, query: { phone: cellPhone } },
      ctx,
    );
    return { cellPhone: rs.phone, acctId: rs.account };
  }

  async saveEnrollment(c: EnrollmentChange, ctx: CallContext): Promise<void> {
    const body = { operation: ENROLLMENT_OPERATIONS[c.operation], idType: c.idType, idNumber: c.idNumber, phone: c.cellPhone, account: c.acctId, fingerprint: c.deviceFingerPrint };
    await this.call({ operation: 'enrollment-save', method: 'POST', path: '/enrollments', body }, ctx);
  }

  async recent(cellPhone: string, limit: number, ctx: CallContext): Promise<string[]> {
    const rs = await this.call<{ phones: string[] }>({ operation: 'recent', method: 'GET', path: `/phones/${enc(cellPhone)}/recent`, query: { limit } }, ctx);
    return rs.phones;
  }

  private order(o: MoneyOrder) {
    return {
      reference: o.reference,
      fromPhone: o.fromPhone,
      fromAccount: o.fromAcctId,
      toPhone: o.toPhone,
      amountCents: toCents(o.amount),
      feeCents: toCents(o.fee),
      description: o.desc,
      fingerprint: o.deviceFingerPrint,
    };
  }

  async send(o: MoneyOrder, ctx: CallContext): Promise<{ pseTrnCode: string }> {
    const rs = await this.call<{ trnCode: string }>({ operation: 'send', method: 'POST', path: '/transfers', body: this.order(o) }, ctx);
    return { pseTrnCode: rs.trnCode };
  }

  async requestMoney(o: MoneyOrder, ctx: CallContext): Promise<{ pseTrnCode: string }> {
    const rs = await this.call<{ trnCode: string }>({ operation: 'request-money', method: 'POST', path: '/requests', body: this.order(o) }, ctx);
    return { pseTrnCode: rs.trnCode };
  }

  private async pending(kind: 'in' | 'out', cellPhone: string, page: Page, ctx: CallContext): Promise<PendingItem[]> {
    const rs = await this.call<{ items: TyItem[] }>(
      {
        operation: `pending-${kind}`,
        method: 'GET',
        path: `/phones/${enc(cellPhone)}/pending-${kind}`,
        query: { offset: page.initialRecord - 1, limit: page.size },
      },
      ctx,
    );
    return rs.items.map(toPending);
  }

  pendingToReceive(cellPhone: string, page: Page, ctx: CallContext) {
    return this.pending('in', cellPhone, page, ctx);
  }

  pendingToSend(cellPhone: string, page: Page, ctx: CallContext) {
    return this.pending('out', cellPhone, page, ctx);
  }

  private answer(a: Answer) {
    return {
      decision: DECISIONS[a.decision],
      phone: a.phone,
      account: a.acctId,
      counterpartPhone: a.counterpartPhone,
      amountCents: toCents(a.amount),
      feeCents: toCents(a.fee),
      description: a.desc,
      trust: a.establishTrust ?? false,
      txId: a.txId,
      fingerprint: a.deviceFingerPrint,
    };
  }

  async answerTransfer(a: Answer, ctx: CallContext): Promise<void> {
    await this.call({ operation: 'answer-transfer', method: 'POST', path: `/transfers/${enc(a.pseTrnCode)}/answer`, body: this.answer(a) }, ctx);
  }

  async answerRequest(a: Answer, ctx: CallContext): Promise<{ pseTrnCode: string }> {
    const rs = await this.call<{ trnCode: string }>(
      { operation: 'answer-request', method: 'POST', path: `/requests/${enc(a.pseTrnCode)}/answer`, body: this.answer(a) },
      ctx,
    );
    return { pseTrnCode: rs.trnCode };
  }

  async trustRelationships(cellPhone: string, ctx: CallContext): Promise<TrustRelationship[]> {
    const rs = await this.call<{ items: TyTrust[] }>({ operation: 'trust', method: 'GET', path: `/phones/${enc(cellPhone)}/trust` }, ctx);
    return rs.items.map((r) => ({ id: r.id, fromPhone: r.fromPhone, toPhone: r.toPhone, status: r.status, startDt: r.since }));
  }

  async manageTrust(changes: TrustChange[], deviceFingerPrint: string, ctx: CallContext): Promise<TrustChangeResult[]> {
    const body = { fingerprint: deviceFingerPrint, items: changes.map((c) => ({ fromPhone: c.fromPhone, toPhone: c.toPhone, operation: TRUST_OPERATIONS[c.operation] })) };
    const rs = await this.call<{ items: TyTrustResult[] }>({ operation: 'trust-manage', method: 'POST', path: '/trust', body }, ctx);
    // each item carries its own outcome, translated through the same catalog as a whole-call error
    return rs.items.map((i) => {
      const base = { fromPhone: i.fromPhone, toPhone: i.toPhone, startDt: i.since };
      if (i.ok) return base;
      const gw = TRANSFIYA_ERRORS.translate(new CoreBusinessError('transfiya', 400, i.errorCode ?? '', i.errorType ?? '', i.errorDesc ?? ''));
      return { ...base, error: { errorCode: gw.errorCode, errorType: gw.errorType, errorDesc: gw.errorDesc } };
    });
  }
}
