import type { CallContext, CoreCaller } from '../../gateway/core';
import type { CreditAnalysisItem, DecisionEnginePort, ProfileItem, ProfileResult } from '../ports/decision-engine';
import { withCatalog } from '../error-catalog';
import { DECISION_ENGINE_ERRORS } from '../catalogs/decision-engine';
import { GatewayError } from '../../errors/gateway-error';

/**
 * The decision engine: profiling (C3) and AppPolicies (C4). Both compute and change nothing (their
 * routes are not money-moving), so a lost connection may be retried once. Its codes 10001, 10002, 10007, 10101, 15001
 * are translated by the decision-engine catalog (10002 -> 400, 10101 -> 502, the rest 500).
 */
export class DecisionEngineAdapter implements DecisionEnginePort {
  constructor(private readonly core: CoreCaller) {}

  async profile(items: ProfileItem[], ctx: CallContext): Promise<ProfileResult[]> {
    const res = await withCatalog(DECISION_ENGINE_ERRORS, () =>
      this.core.call<{ listValidation?: ProfileResult[] }>(
        { operation: 'profiling', method: 'POST', path: '/profiling', body: { listValidation: items } },
        ctx,
      ),
    );
    return this.list(res.listValidation, 'listValidation');
  }

  async policies(items: CreditAnalysisItem[], ctx: CallContext): Promise<CreditAnalysisItem[]> {
    const res = await withCatalog(DECISION_ENGINE_ERRORS, () =>
      this.core.call<{ creditAnalysis?: CreditAnalysisItem[] }>(
        { operation: 'app-policies', method: 'POST', path: '/app-policies', body: { creditAnalysis: items } },
        ctx,
      ),
    );
    return this.list(res.creditAnalysis, 'creditAnalysis');
  }

  private list<T>(value: T[] | undefined, name: string): T[] {
    if (!Array.isArray(value)) {
      throw GatewayError.of('BACKEND_BAD_RESPONSE', `${this.core.displayName} returned an invalid response`, {
        errorType: this.core.displayName,
        detail: { why: `${name} is not a list` },
      });
    }
    return value;
  }
}
