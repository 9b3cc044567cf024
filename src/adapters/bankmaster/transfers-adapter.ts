import type { CoreCaller, CallContext } from '../../gateway/core';
import type {
  AccountTransfer,
  CashDeposit,
  DepositReceipt,
  FeeQuery,
  FeeQuote,
  PocketMove,
  TransferReceipt,
  TransfersPort,
} from '../ports/transfers';
import { ErrorCatalog, withCatalog } from '../error-catalog';
import { TRANSFERS_ERRORS } from '../catalogs/transfers';
import { FEES_ERRORS } from '../catalogs/fees';
import { POCKETS_ERRORS } from '../catalogs/pockets';
import { BANKMASTER_OFFICE, fromCents, toCents } from './conventions';
import type { BmDepositRq, BmDepositRs, BmFeeRs, BmPocketRs, BmPostingRs, BmTransferRq } from './transfers-wire';
import { CoreBusinessError } from '../core-errors';
import { GatewayError } from '../../errors/gateway-error';

/** 2024-03-15T10:20:30 -> 20240315 */
export const valueDate = (origDt: string | undefined) => (origDt ? origDt.slice(0, 10).replace(/-/g, '') : undefined);

/**
 * The pockets table of 002 lists its 500s with the placeholder description "m": its status is
 * kept, the core's own description is answered. Codes the pockets table does not know are
 * Bankmaster's general ones (the transfers table: W2 insufficient funds, NC unknown account...).
 */
export function translatePocketError(err: CoreBusinessError): GatewayError {
  const row = POCKETS_ERRORS.lookup(err.errorCode, err.errorType, err.errorDesc);
  if (!row) return TRANSFERS_ERRORS.translate(err);
  const placeholder = row.errorDesc.trim().length <= 1;
  return new GatewayError({
    status: row.status,
    errorCode: row.errorCode === '*' ? err.errorCode : row.errorCode,
    errorType: row.errorType,
    errorDesc: placeholder ? err.errorDesc || 'Unidentified core system error' : row.errorDesc,
    detail: { catalog: POCKETS_ERRORS.name },
  });
}

async function withTranslator<T>(translate: (e: CoreBusinessError) => GatewayError, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof CoreBusinessError) throw translate(e);
    throw e;
  }
}

/** Bankmaster: own, third-party and interbank (PSE) transfers, fees, pockets and correspondent deposits. */
export class BankmasterTransfersAdapter implements TransfersPort {
  constructor(private readonly core: CoreCaller) {}

  private post<T>(catalog: ErrorCatalog, operation: string, path: string, body: unknown, ctx: CallContext) {
    return withCatalog(catalog, () => this.core.call<T>({ operation, method: 'POST', path, body }, ctx));
  }

  async transfer(t: AccountTransfer, ctx: CallContext): Promise<TransferReceipt> {
    const rq: BmTransferRq = {
      reference: t.refId,
      transferType: t.kind,
      debitAccount: t.fromAcctId,
      creditAccount: t.toAcctId,
      creditAccountType: t.toAcctType,
      amount: String(toCents(t.amount)),
      feeAmount: t.fee === undefined ? undefined : String(toCents(t.fee)),
      concept: t.concept,
      office: t.branchFrom ?? BANKMASTER_OFFICE,
      destinationOffice: t.branchTo,
      bankCode: t.bankId,
      pseTrnCode: t.pseTrnCode,
      beneficiaryName: t.beneficiaryName,
      holderIdType: t.holder?.idType,
      holderId: t.holder?.id,
      documentNumber: t.documentRef,
      processingCode: t.processingCode,
      channelTransferId: t.xFerId,
      valueDate: valueDate(t.origDt),
    };
    const rs = await this.post<BmPostingRs>(TRANSFERS_ERRORS, 'transfer', '/transfers', rq, ctx);
    return { refId: rs.reference, authorizationId: rs.authorizationId };
  }

  async fee(q: FeeQuery, ctx: CallContext): Promise<FeeQuote> {
    const body = { processingCode: q.processingCode, debitAccount: q.fromAcctId, creditAccount: q.toAcctId, amount: String(toCents(q.amount)) };
    // a quote changes nothing: it may be retried after a connection error
    const rs = await this.post<BmFeeRs>(FEES_ERRORS, 'fee-quote', '/fees/quote', body, ctx);
    return { holderName: rs.holderName, processingCode: rs.processingCode, fee: fromCents(rs.feeAmount) };
  }

  async movePocket(m: PocketMove, ctx: CallContext): Promise<{ balance: number }> {
    const body = { reference: m.reference, account: m.acctId, amount: String(toCents(m.amount)), direction: m.flag, office: m.branchId ?? BANKMASTER_OFFICE };
    const rs = await withTranslator(translatePocketError, () =>
      this.core.call<BmPocketRs>({ operation: 'pocket-transfer', method: 'POST', path: '/pockets/transfers', body }, ctx),
    );
    return { balance: fromCents(rs.availableBalance) };
  }

  async deposit(d: CashDeposit, ctx: CallContext): Promise<DepositReceipt> {
    const rq: BmDepositRq = {
      type: d.type,
      servicePoint: d.servicePoint,
      auditNumber: d.auditNumber,
      account: d.acctId,
      correspondentAccount: d.correspondentAcctId,
      amount: String(toCents(d.amount)),
      time: d.hour.replace(/:/g, ''),
      branchName: d.branchName,
      cityId: d.cityId,
      city: d.city,
      stateProv: d.stateProv,
      txId: d.txId,
      processId: d.processId,
    };
    const rs = await this.post<BmDepositRs>(TRANSFERS_ERRORS, d.type === 'R' ? 'deposit-reversal' : 'deposit', '/deposits', rq, ctx);
    return { holderName: rs.holderName, acctId: rs.account, approvalId: rs.authorizationId };
  }
}
