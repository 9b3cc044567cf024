import type { CollectionCheck, CollectionCheckResult } from '../../src/adapters/ports/agreements';
import { GatewayError } from '../../src/errors/gateway-error';
import { describeProblems, takeAlias } from './aliases';

type Json = Record<string, any>;

/** C5 fields the check needs: the service point, the agreement, the reference, the correspondent's account, the value. */
const REQUIRED = ['transactionHour', 'code', 'RefId', 'curAmt.amt', 'trnRqUID', 'depAcctId.acctId', 'totalCurAmt.amt'];

const get = (o: unknown, path: string): unknown => path.split('.').reduce<any>((v, k) => (v == null ? undefined : v[k]), o);

/** The example's refId, eanCode, refType, effDt become the table's RefId, EANCode, RefType, EffDt. */
export function normalizeCollectionCheck(body: { trn: Json }): CollectionCheck {
  const trn = structuredClone(body.trn);
  const problems: string[] = [];
  for (const [canonical, variant] of [
    ['RefId', 'refId'],
    ['EANCode', 'eanCode'],
    ['RefType', 'refType'],
    ['EffDt', 'effDt'],
  ]) {
    takeAlias(trn, canonical, variant, 'trn', problems);
  }
  for (const f of REQUIRED) {
    const v = get(trn, f);
    if (v === undefined || (typeof v === 'string' && v.trim() === '')) {
      problems.push(`field trn.${f} is required${f === 'RefId' ? ' (or its variant trn.refId)' : ''}`);
    }
  }
  const amt = trn.totalCurAmt?.amt;
  if (typeof amt === 'number' && Math.round(amt * 100) / 100 !== amt) problems.push('field trn.totalCurAmt.amt must have at most 2 decimals');
  if (problems.length) throw GatewayError.of('BAD_REQUEST', describeProblems(problems));
  return trn as CollectionCheck;
}

/** The core answers with the table's names; partners read the document's response example (pmtRefId, dueDt, aditionalData.curAmt). */
export function collectionCheckResponse(r: CollectionCheckResult) {
  return {
    responseType: { value: 'OK' },
    trn: {
      personName: { fullName: r.personName.fullName },
      approvalId: r.approvalId,
      aditionalData: { curAmt: r.aditionalData.CurAmt },
      pmtRefId: r.PmtRefId,
      dueDt: r.DueDt,
      flagUpdate: r.flagUpdate,
      acctId: r.acctId,
      refType: r.refType,
    },
  };
}
