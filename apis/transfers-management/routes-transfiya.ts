import type { RouteDefinition } from '../../src/gateway/api';
import type { TransfersPorts } from './ports';
import { ok, operationReference } from './references';
import { fromPending, fromTrust, fromTrustResults, intParam, toAnswer, toMoneyOrder } from './transfiya-mappers';

/**
 * An answer (Accept / Reject / ToBlock) to one transfer is the transaction: the same answer repeated
 * is replayed; another answer to the same transfer is a new request the core judges (01101/RGN).
 */
const answerKey = (flag: (body: any) => unknown) => ({
  naturalKey: (req: { body?: any }) => {
    const code = req.body?.xFerInfo?.pseTrnCode;
    return code === undefined ? undefined : `${code}:${String(flag(req.body))}`;
  },
  keyName: 'pseTrnCode and answer',
});

/**
 * Who answered a transfer or a request: the first client to answer a pseTrnCode owns the answer,
 * and another client answering the same one is refused before the core (it would otherwise get
 * the first answer back from it). Not bound to the client that sent it: the answer comes from
 * the other party's app, often at another bank.
 */
const answered = (scope: string, code: (body: any) => unknown) => ({
  claims: {
    scope,
    reference: (req: { body?: any }) => {
      const c = code(req.body);
      return c === undefined ? undefined : String(c);
    },
    keyName: 'pseTrnCode',
  },
});

/** T3-T13: ACH Transfiya, immediate transfers by cell phone. */
export const transfiyaRoutes: RouteDefinition<TransfersPorts>[] = [
  {
    operationId: 'getTransfiyaEnrollment',
    method: 'get',
    path: '/v1/transfiya/enrollment/{identSerialNum}',
    async handle({ params, query, ports, call }) {
      const e = await ports.transfiya.enrollment(String(query.govIssueIdentType), params.identSerialNum, query.cellPhone as string | undefined, call);
      return ok(200, { personInfo: { cellPhone: e.cellPhone }, depAcctId: { acctId: e.acctId } });
    },
  },
  {
    operationId: 'saveTransfiyaEnrollment',
    method: 'post',
    path: '/v1/transfiya/enrollment',
    moneyMoving: true,
    idempotency: {},
    async handle({ body, ports, call }) {
      const g = body.govIssueIdent;
      await ports.transfiya.saveEnrollment(
        {
          operation: body.transfiyaOperationType ?? 'Create',
          idType: g.govIssueIdentType,
          idNumber: g.identSerialNum,
          cellPhone: g.cellPhone,
          acctId: body.xFerInfo.depAcctIdFrom.acctId,
          deviceFingerPrint: body.deviceFingerPrint,
        },
        call,
      );
      return ok(201);
    },
  },
  {
    operationId: 'getRecentTransfiyaTransfers',
    method: 'get',
    path: '/v1/transfiya/transfers/{cellPhone}/recent',
    async handle({ params, query, ports, call }) {
      const limit = Math.min(intParam(query.totalRecords, 10), intParam(query.recordsXPage, 10));
      const phones = await ports.transfiya.recent(params.cellPhone, limit, call);
      return ok(200, { xFerInfo: phones.map((cellPhone) => ({ depAcctIdTo: { cellPhone } })) });
    },
  },
  {
    operationId: 'sendTransfiyaMoney',
    method: 'post',
    path: '/v1/transfiya/credit',
    moneyMoving: true,
    idempotency: {},
    async handle(ctx) {
      const { pseTrnCode } = await ctx.ports.transfiya.send(toMoneyOrder(ctx.body, operationReference(ctx)), ctx.call);
      return ok(201, { xFerInfo: { pseTrnCode } });
    },
  },
  {
    operationId: 'getPendingTransfiyaToReceive',
    method: 'get',
    path: '/v1/transfiya/transfers/{cellPhone}/pending/get',
    async handle({ params, query, ports, call }) {
      const page = { initialRecord: intParam(query.initialRecord, 1), size: intParam(query.recordsXPage, 10) };
      return ok(200, { xFerInfo: fromPending(await ports.transfiya.pendingToReceive(params.cellPhone, page, call)) });
    },
  },
  {
    operationId: 'answerTransfiyaTransfer',
    method: 'put',
    path: '/v1/transfiya/transfers/agree',
    moneyMoving: true,
    idempotency: answerKey((b) => b.flagTransferAccept),
    ownership: answered('transfiya-transfer-answers', (b) => b?.xFerInfo?.pseTrnCode),
    async handle({ body, ports, call }) {
      await ports.transfiya.answerTransfer(toAnswer(body, body.flagTransferAccept), call);
      return ok(201);
    },
  },
  {
    operationId: 'requestTransfiyaMoney',
    method: 'post',
    path: '/v1/transfiya/request-money',
    moneyMoving: true,
    idempotency: {},
    async handle(ctx) {
      const { pseTrnCode } = await ctx.ports.transfiya.requestMoney(toMoneyOrder(ctx.body, operationReference(ctx)), ctx.call);
      return ok(201, { xFerInfo: { pseTrnCode } });
    },
  },
  {
    operationId: 'getPendingTransfiyaToSend',
    method: 'get',
    path: '/v1/transfiya/transfers/{cellPhone}/pending/send',
    async handle({ params, query, ports, call }) {
      const page = { initialRecord: intParam(query.initialRecord, 1), size: intParam(query.totalRecords, 10) };
      return ok(200, { xFerInfo: fromPending(await ports.transfiya.pendingToSend(params.cellPhone, page, call)) });
    },
  },
  {
    operationId: 'answerTransfiyaMoneyRequest',
    method: 'put',
    path: '/v1/transfiya/credit/agree',
    moneyMoving: true,
    idempotency: answerKey((b) => b.xFerInfo?.flagTransferAccept),
    ownership: answered('transfiya-request-answers', (b) => b?.xFerInfo?.pseTrnCode),
    async handle({ body, ports, call }) {
      const { pseTrnCode } = await ports.transfiya.answerRequest(toAnswer(body, body.xFerInfo.flagTransferAccept), call);
      return ok(201, { xFerInfo: { pseTrnCode } });
    },
  },
  {
    operationId: 'getTransfiyaTrustRelationships',
    method: 'get',
    path: '/v1/transfiya/account-relationships/{cellPhone}',
    async handle({ params, ports, call }) {
      return ok(200, { xFerInfo: fromTrust(await ports.transfiya.trustRelationships(params.cellPhone, call)) });
    },
  },
  {
    operationId: 'manageTransfiyaTrustRelationships',
    method: 'post',
    path: '/v1/transfiya/account-relationships',
    moneyMoving: true,
    idempotency: {},
    async handle({ body, ports, call }) {
      const changes = body.xFerInfo.map((i: any) => ({ fromPhone: i.depAcctIdFrom.cellPhone, toPhone: i.depAcctIdTo.cellPhone, operation: i.transfiyaOperationType }));
      return ok(201, { xFerInfo: fromTrustResults(await ports.transfiya.manageTrust(changes, body.deviceFingerPrint, call)) });
    },
  },
];
