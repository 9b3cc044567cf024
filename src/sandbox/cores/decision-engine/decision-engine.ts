import { Router } from 'express';
import type { CoreModule } from '../core-app';
import { sim } from '../../sim-error';
import { collectionsOf, type CollectionsDomain } from '../../fixtures/collections';

type Json = Record<string, any>;

/** Customers of the fixtures make the engine answer its documented codes (10001, 10002, 10007, 10101, 15001). */
function failFor(d: CollectionsDomain, identSerialNums: unknown[]): void {
  for (const id of identSerialNums) {
    const e = typeof id === 'string' ? d.engineErrors.get(id) : undefined;
    if (e) throw sim(e.status, e.errorCode, 'OTR', e.desc);
  }
}

/** The engine's answer to a recalculation: the offer sent, its viability worded as the engine words it. */
function recalculated(collection: Json): Json {
  const out = structuredClone(collection);
  const flag = out.offer?.flagViability;
  if (out.offer && (flag === 'true' || flag === 'false')) out.offer.flagViability = flag === 'true' ? 'VIABLE' : 'NO VIABLE';
  return out;
}

/** First moment for an obligation without offers in the fixtures: no viable tool. */
function noOffer(collection: Json): Json {
  return { ...structuredClone(collection), offer: { flagViability: 'NO VIABLE', viabilityLevel: '0', amt: null, count: '0' } };
}

/** The decision engine: profiling (C3) and AppPolicies (C4). */
export const decisionEngineCore: CoreModule = (state) => {
  const d = collectionsOf(state);
  const router = Router();

  router.post('/profiling', (req, res) => {
    const items: Json[] = Array.isArray(req.body?.listValidation) ? req.body.listValidation : [];
    if (!items.length) throw sim(400, '10002', 'OTR', 'El objeto de Entrada es nulo');
    failFor(d, items.map((i) => i.govIssueIdent?.identSerialNum));
    res.json({
      listValidation: items.map((i) => ({
        // a manual operation stops after checking the credit data; an automatic one computes the profile
        transaccion: { action: i.transaccion?.operationType === 'M' ? 'Consulta DATOS CREDITO' : 'Calculo PERFILAMIENTO', trnRqUID: i.transaccion?.trnRqUID },
        partyAcctRelRec: { acctId: i.partyAcctRelRec?.acctId },
        govIssueIdent: { govIssueIdentType: i.govIssueIdent?.govIssueIdentType, identSerialNum: i.govIssueIdent?.identSerialNum },
      })),
    });
  });

  router.post('/app-policies', (req, res) => {
    const items: Json[] = Array.isArray(req.body?.creditAnalysis) ? req.body.creditAnalysis : [];
    if (!items.length) throw sim(400, '10002', 'OTR', 'El objeto de Entrada es nulo');
    failFor(d, items.map((i) => i.collection?.govIssueIdent?.identSerialNum));
    const out: Json[] = [];
    for (const { collection } of items) {
      if (collection.pmtStatus?.flagRecalculate) {
        out.push({ collection: recalculated(collection) });
        continue;
      }
      const offers = d.policyOffers.get(collection.partyAcctRelRec?.acctId);
      if (!offers) {
        out.push({ collection: noOffer(collection) });
        continue;
      }
      for (const o of offers) {
        const c = structuredClone(o) as Json;
        c.transaction = { trnRqUID: collection.transaction?.trnRqUID };
        out.push({ collection: c });
      }
    }
    res.json({ creditAnalysis: out });
  });
  return router;
};
