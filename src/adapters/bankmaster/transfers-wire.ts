/**
 * Bankmaster's wire shapes for transfers, fees, pockets and deposits: amounts as integer cents
 * in text without a decimal separator, dates yyyymmdd, office 9999 when the channel sends none.
 */
export interface BmTransferRq {
  reference: string;
  transferType: 'OWN' | 'THIRD' | 'PSE';
  debitAccount: string;
  creditAccount: string;
  creditAccountType?: string;
  amount: string;
  feeAmount?: string;
  concept?: string;
  office: string;
  destinationOffice?: string;
  bankCode?: string;
  pseTrnCode?: string;
  beneficiaryName?: string;
  holderIdType?: string;
  holderId?: string;
  documentNumber?: string;
  processingCode?: string;
  channelTransferId?: string;
  valueDate?: string;
}

export interface BmPostingRs {
  reference: string;
  authorizationId: string;
  duplicate: boolean;
}

export interface BmFeeRq {
  processingCode: string;
  debitAccount: string;
  creditAccount?: string;
  amount: string;
}

export interface BmFeeRs {
  holderName: string;
  processingCode: string;
  feeAmount: string;
}

export interface BmPocketRq {
  reference: string;
  account: string;
  amount: string;
  direction: 'D' | 'C';
  office: string;
}

export interface BmPocketRs {
  availableBalance: string;
  pocketBalance: string;
  authorizationId: string;
}

export interface BmDepositRq {
  type: 'N' | 'R';
  servicePoint: string;
  auditNumber: string;
  account: string;
  correspondentAccount: string;
  amount: string;
  time: string;
  branchName: string;
  cityId: string;
  city: string;
  stateProv: string;
  txId?: string;
  processId?: string;
}

export interface BmDepositRs {
  holderName: string;
  account: string;
  authorizationId: string;
  duplicate: boolean;
}
