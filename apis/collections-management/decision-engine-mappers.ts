import type { CreditAnalysisItem, ProfileItem, ProfileResult } from '../../src/adapters/ports/decision-engine';
import { GatewayError } from '../../src/errors/gateway-error';
import { describeProblems, takeAlias } from './aliases';

/**
 * C3 and C4 requests normalised to the spelling of the document's tables before the engine, and
 * the engine's answers in the spelling of the document's examples. Each accepted variant is listed
 * in the RAML's "Decisions".
 */
type Json = Record<string, any>;

/**
 * The variants the contract does not declare (one shape per field, so tools send one), accepted
 * before the contract validator sees the body: C3's bare-number totalCurAmt (the document's
 * example) as {amt}; C4's AdditionalData (the table's spelling) as additionalData, both spellings
 * with different values refused. Anything else is left to the validator.
 */
export function acceptUndeclaredVariants(body: unknown): void {
  if (!body || typeof body !== 'object') return;
  const b = body as Json;
  if (Array.isArray(b.listValidation)) {
    for (const item of b.listValidation) {
      if (item?.collection && typeof item.collection === 'object' && typeof item.collection.totalCurAmt === 'number') item.collection.totalCurAmt = { amt: item.collection.totalCurAmt };
    }
  }
  if (Array.isArray(b.creditAnalysis)) {
    const problems: string[] = [];
    b.creditAnalysis.forEach((item: Json, i: number) => {
      const c = item?.collection;
      if (c && typeof c === 'object' && !Array.isArray(c)) takeAlias(c, 'additionalData', 'AdditionalData', `creditAnalysis[${i}].collection`, problems);
    });
    if (problems.length) throw GatewayError.of('BAD_REQUEST', describeProblems(problems));
  }
}

/** C3 variants: the example's maritalStatus "S", businessOccupation, type "Primary", personInfo.financialAssets/expenses, bare totalCurAmt. */
export function normalizeProfileItems(items: Json[]): ProfileItem[] {
  const problems: string[] = [];
  const out = items.map((raw, i) => {
    const item = structuredClone(raw);
    const at = `listValidation[${i}]`;
    const person = item.naturalPerson as Json | undefined;
    takeAlias(person, 'businessOcucupation', 'businessOccupation', `${at}.naturalPerson`, problems);
    for (const occ of (person?.businessOcucupation ?? []) as Json[]) if (occ.type === 'Primary') occ.type = 'Principal';
    const marital = person?.maritalStatusInfo;
    if (marital?.maritalStatus === 'S') marital.maritalStatus = '01';
    const info = item.personInfo as Json | undefined;
    for (const f of ['financialAssets', 'expenses']) {
      if (info?.[f] === undefined) continue;
      item.businessPerson ??= {};
      if (item.businessPerson[f] !== undefined && JSON.stringify(item.businessPerson[f]) !== JSON.stringify(info[f])) {
        problems.push(`fields ${at}.businessPerson.${f} and ${at}.personInfo.${f} are the same field in two places: send one`);
        continue;
      }
      item.businessPerson[f] ??= info[f];
      delete info[f];
    }
    const total = item.collection?.totalCurAmt;
    if (typeof total === 'number') item.collection.totalCurAmt = { amt: total };
    return item;
  });
  if (problems.length) throw GatewayError.of('BAD_REQUEST', describeProblems(problems));
  return out;
}

export const profileResponse = (results: ProfileResult[]) => ({ listValidation: results, responseType: { value: 'OK' } });

const EXCEPTION_VARIANTS: Record<string, string> = { EXC_TIEMPO_ENTRE_HERR: 'EXC__TIEMPO_ENTRE_HERR' };

/** C4 variants: additionalData (examples) for AdditionalData (table), " FLAG_NUEVA_TASA", EXC_TIEMPO_ENTRE_HERR. */
export function normalizePolicyItems(items: CreditAnalysisItem[]): CreditAnalysisItem[] {
  const problems: string[] = [];
  const out = items.map((raw, i) => {
    const item = structuredClone(raw);
    const c = item.collection as Json;
    takeAlias(c, 'AdditionalData', 'additionalData', `creditAnalysis[${i}].collection`, problems);
    for (const flag of (c.AdditionalData ?? []) as Json[]) flag.name = String(flag.name).trim();
    for (const exc of (c.causalExceptionInfo ?? []) as Json[]) exc.name = EXCEPTION_VARIANTS[exc.name] ?? exc.name;
    return item;
  });
  if (problems.length) throw GatewayError.of('BAD_REQUEST', describeProblems(problems));
  return out;
}

/** The engine answers the table's AdditionalData; partners read additionalData, as in the document's response example. */
export function policiesResponse(items: CreditAnalysisItem[]) {
  const creditAnalysis = items.map((item) => {
    const { AdditionalData, ...rest } = item.collection as Json;
    return { collection: AdditionalData === undefined ? rest : { ...rest, additionalData: AdditionalData } };
  });
  return { responseType: { value: 'OK' }, creditAnalysis };
}
