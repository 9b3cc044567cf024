import type { CallContext } from '../../gateway/core';

/** C1: whose payment agreement (ICS) is asked for. */
export interface IcsQuery {
  govIssueIdentType: string;
  identSerialNum: string;
  acctId?: string;
}

/** The ICS agreement as the document shows it (personInfo, entityInformer, loanInfoCommon, trnSrcInfo...). */
export type IcsAgreement = Record<string, unknown>;

/** C5: the bill to check, with the field names of the document's table (RefId, EANCode, RefType, EffDt). */
export interface CollectionCheck {
  transactionHour: string;
  code: string;
  RefId: string;
  EANCode?: string;
  curAmt: { amt: string };
  trnRqUID: string;
  branchName?: string;
  cityId?: string;
  city?: string;
  stateProv?: string;
  aditionalData?: Array<{ name: string; value: string }>;
  depAcctId: { acctId: string };
  totalCurAmt: { amt: number };
  flagAnotherAmt?: string;
  RefType?: string;
  EffDt?: string;
  refName?: string;
}

/** C5 answer, with the field names of the document's response table (PmtRefId, DueDt, aditionalData.CurAmt). */
export interface CollectionCheckResult {
  personName: { fullName: string };
  approvalId: string;
  aditionalData: { CurAmt: Array<{ name: string; value: number }> };
  PmtRefId: string;
  DueDt: string;
  flagUpdate: string;
  acctId: string;
  refType: string;
}

/** The agreements core: ICS payment agreements and the collection agreements (convenios) interface. */
export interface AgreementsPort {
  icsAgreement(q: IcsQuery, ctx: CallContext): Promise<IcsAgreement>;
  checkCollection(trn: CollectionCheck, ctx: CallContext): Promise<CollectionCheckResult>;
}
