import crypto from 'node:crypto';
import { Router } from 'express';
import type { CoreModule } from '../core-app';
import { sim } from '../../sim-error';
import { collectionsOf } from '../../fixtures/collections';

const notFound = () => sim(404, '00502', 'DBA', 'CUENTA NO EXISTE.');

/** The agreements core: ICS payment agreements (C1) and the collection agreements interface (C5). */
export const agreementsCore: CoreModule = (state) => {
  const d = collectionsOf(state);
  const router = Router();

  router.get('/ics-agreements', (req, res) => {
    const { identSerialNum, govIssueIdentType, acctId } = req.query as Record<string, string | undefined>;
    const found = d.icsAgreements.find(
      (a) => a.identSerialNum === identSerialNum && a.govIssueIdentType === govIssueIdentType && (acctId === undefined || a.acctId === acctId),
    );
    if (!found) throw notFound();
    res.json({ agreement: structuredClone(found.agreement) });
  });

  router.post('/collections/check', (req, res) => {
    const trn = req.body?.trn ?? {};
    const agreement = d.collectionAgreements.get(trn.RefId);
    const bill = agreement?.bills.get(trn.curAmt?.amt);
    if (!bill) throw notFound();
    res.json({
      trn: {
        personName: { fullName: bill.fullName },
        approvalId: `Z${crypto.randomBytes(10).toString('hex').toUpperCase().slice(0, 19)}`,
        aditionalData: { CurAmt: bill.values.map((v) => ({ ...v })) },
        PmtRefId: bill.PmtRefId,
        DueDt: bill.DueDt,
        flagUpdate: bill.flagUpdate,
        acctId: bill.acctId,
        refType: bill.refType,
      },
    });
  });
  return router;
};
