/** The ACH Transfiya core's wire shapes: amounts in integer cents, decisions in its own words. */
export interface TyItem {
  counterpartPhone: string;
  amountCents: number;
  description: string;
  trnCode: string;
}

export interface TyTrust {
  id: string;
  fromPhone: string;
  toPhone: string;
  status: 'A' | 'B';
  since: string;
}

export interface TyTrustResult {
  fromPhone: string;
  toPhone: string;
  since?: string;
  ok: boolean;
  errorCode?: string;
  errorType?: string;
  errorDesc?: string;
}

export const DECISIONS = { Accept: 'ACCEPT', Reject: 'REJECT', ToBlock: 'BLOCK' } as const;
export const ENROLLMENT_OPERATIONS = { Create: 'CREATE', Modify: 'MODIFY' } as const;
export const TRUST_OPERATIONS = { Activate: 'ACTIVATE', Eliminate: 'ELIMINATE' } as const;
