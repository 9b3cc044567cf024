import type { PolicyDefinition } from '../../gateway/policy';
import type { RouteDefinition } from '../../gateway/api';
import { contextOf } from '../../gateway/request-context';
import type { InvokerSettings } from './schema';
import { GatewayError } from '../../errors/gateway-error';
import { CORRESPONDENT_TXID, PROFILES, julianDateProblem, processIdFromTxId } from './profiles';

/**
 * X-Invoker rules the contract cannot express. Formats, required-ness and pinned enums of every
 * X-Invoker-* header are declared once in the RAML and enforced by contract-validation; this
 * policy adds the per-profile rules with messages that name the header and the expected value.
 */
export function checkInvokerProfile(route: RouteDefinition | undefined, get: (h: string) => string | undefined, maxSkewDays: number): string[] {
  if (!route?.invokerProfile) return [];
  const profile = PROFILES[route.invokerProfile];
  const problems: string[] = [];
  for (const [header, value] of Object.entries(profile.pinned)) {
    const got = get(header);
    if (got === undefined) problems.push(`Header ${header} is required (fixed value ${value} for ${profile.label})`);
    else if (got.trim() !== value) problems.push(`Header ${header} must be ${value} for ${profile.label}`);
  }
  for (const [header, value] of Object.entries(profile.pinnedIfPresent)) {
    const got = get(header)?.trim();
    if (got && got !== value) problems.push(`Header ${header} must be ${value} (or blank) for ${profile.label}`);
  }
  const txId = get('X-Invoker-TxId')?.trim();
  if (txId === undefined || txId === '') {
    problems.push('Header X-Invoker-TxId is required: APIF + Julian date (4 digits) + 32 + 10-digit authorization number');
  } else if (!CORRESPONDENT_TXID.test(txId)) {
    problems.push('Header X-Invoker-TxId must be APIF + Julian date (4 digits) + 32 + 10-digit authorization number, e.g. APIF4087320000000001');
  } else {
    const julian = julianDateProblem(txId, maxSkewDays);
    if (julian) problems.push(`Header X-Invoker-TxId ${julian}`);
  }
  const processId = get('X-Invoker-ProcessId')?.trim();
  if (processId === undefined || processId === '') {
    problems.push('Header X-Invoker-ProcessId is required');
  } else if (profile.processId === 'last-11-of-txid') {
    if (txId && CORRESPONDENT_TXID.test(txId) && processId !== processIdFromTxId(txId)) {
      problems.push(`Header X-Invoker-ProcessId must be the last 11 digits of X-Invoker-TxId left-padded with zeros to 12 (${processIdFromTxId(txId)})`);
    }
  } else if (!CORRESPONDENT_TXID.test(processId)) {
    problems.push('Header X-Invoker-ProcessId must be the X-Invoker-TxId of the paired consultation (APIF + Julian date + 32 + 10 digits)');
  }
  return problems;
}

export const xInvokerHeaders: PolicyDefinition<InvokerSettings> = {
  name: 'x-invoker-headers',
  description: 'Banking-correspondent X-Invoker profiles: pinned values, TxId format and Julian date, ProcessId derivation.',
  settingsKey: 'invoker',
  create({ settings }) {
    const skew = settings.julianDateMaxSkewDays;
    return (req, _res, next) => {
      const problems = checkInvokerProfile(contextOf(req).route, (h) => req.get(h), skew);
      if (problems.length) throw GatewayError.of('INVALID_HEADER', problems.join('; '));
      next();
    };
  },
};
