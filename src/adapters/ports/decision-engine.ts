import type { CallContext } from '../../gateway/core';

/**
 * The decision engine (001 C3 profiling, C4 AppPolicies). Items travel in the bank's vocabulary,
 * already normalised by the API to the spelling of the document's tables; the engine's own
 * answer comes back unchanged.
 */
export type ProfileItem = Record<string, unknown>;

export interface ProfileResult {
  transaccion: { action: string; trnRqUID: string };
  partyAcctRelRec: { acctId: string };
  govIssueIdent: { govIssueIdentType: string; identSerialNum: string };
}

/** One creditAnalysis[] entry: { collection: {...} }. */
export type CreditAnalysisItem = { collection: Record<string, unknown> };

export interface DecisionEnginePort {
  profile(items: ProfileItem[], ctx: CallContext): Promise<ProfileResult[]>;
  policies(items: CreditAnalysisItem[], ctx: CallContext): Promise<CreditAnalysisItem[]>;
}
