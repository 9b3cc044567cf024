import type { RouteDefinition } from '../../src/gateway/api';
import { GatewayError } from '../../src/errors/gateway-error';
import type { TransfersPorts } from './ports';
import { ok, operationReference } from './references';
import { toAccountTransfer, toCardAdvance, toCashDeposit, toFeeQuery, toFundTransfer, toPocketMove, depositKey, depositOwnership, normalizeDepositType } from './transfer-mappers';

/** T2's consistency rule: the Transfiya channel (007 / 06) only quotes the Transfiya code. */
export function checkFeeChannel(processingCode: string, channel?: string, subChannel?: string): void {
  if (channel?.trim() === '007' && subChannel?.trim() === '06' && processingCode !== '77134') {
    throw GatewayError.of(
      'BAD_REQUEST',
      `Field xFerInfo.processingCode must be 77134 when header X-Invoker-Channel is 007 and header X-Invoker-subChannel is 06 (got ${processingCode})`,
    );
  }
}

/** T1, T2, T14, T15: Bankmaster, OpenCard and the investment funds core. */
export const transferRoutes = (transferKindCheck: RouteDefinition['preValidate']): RouteDefinition<TransfersPorts>[] => [
  {
    operationId: 'createTransfer',
    method: 'post',
    path: '/v1/transfers',
    moneyMoving: true,
    idempotency: { naturalKey: (req) => req.body?.refId, keyName: 'refId' },
    preValidate: transferKindCheck,
    async handle({ body, ports, call }) {
      switch (body.xFerRec.categCode) {
        case 'CCR': {
          const { approvalId } = await ports.cardAdvance.advance(toCardAdvance(body), call);
          return ok(201, { xFerInfo: { approvalId }, refId: body.refId });
        }
        case 'TFI': {
          const { refId } = await ports.funds.transfer(toFundTransfer(body), call);
          return ok(201, { refId });
        }
        default: {
          const { refId } = await ports.transfers.transfer(toAccountTransfer(body), call);
          return ok(200, { refId });
        }
      }
    },
  },
  {
    operationId: 'calculateFee',
    method: 'post',
    path: '/v1/fees',
    async handle({ body, req, ports, call }) {
      checkFeeChannel(body.xFerInfo.processingCode, req.get('X-Invoker-Channel'), req.get('X-Invoker-subChannel'));
      const quote = await ports.transfers.fee(toFeeQuery(body), call);
      const amount = { amt: quote.fee };
      return ok(200, {
        personName: { fullName: quote.holderName },
        xFerInfo: { processingCode: quote.processingCode },
        transaction: { curAmt: amount, curtAmt: amount },
      });
    },
  },
  {
    operationId: 'transferPocket',
    method: 'post',
    path: '/v1/transfers/pockets',
    moneyMoving: true,
    idempotency: {},
    async handle(ctx) {
      const { balance } = await ctx.ports.transfers.movePocket(toPocketMove(ctx.body, operationReference(ctx)), ctx.call);
      return ok(201, { acctBal: { curAmt: { amt: balance } } });
    },
  },
  {
    operationId: 'depositCash',
    method: 'put',
    path: '/v1/deposit',
    moneyMoving: true,
    invokerProfile: 'correspondent-deposit',
    idempotency: { naturalKey: (req) => depositKey(req.body) },
    ownership: depositOwnership,
    preValidate: normalizeDepositType,
    async handle({ body, req, ports, call }) {
      const headers = { txId: req.get('X-Invoker-TxId'), processId: req.get('X-Invoker-ProcessId') };
      const receipt = await ports.transfers.deposit(toCashDeposit(body, headers), call);
      return ok(200, { trn: { personName: { fullName: receipt.holderName }, depAcctId: { acctId: receipt.acctId }, approvalId: receipt.approvalId } });
    },
  },
];
