import { TRANSFIYA_ACCOUNTS } from './sandbox-values';

/**
 * Examples that answer a transaction someone else started (accepting a Transfiya transfer, paying a
 * request) would answer the sandbox's one seeded transaction, so a second run only replays the
 * first answer. Instead each creates its own first, from the starting operation's example with the
 * answering example's phones and amount, and answers the code ACH gives it: a new transaction on
 * every run, in every language.
 */
export interface SetupSpec {
  /** The operation whose example starts the transaction. */
  operationId: string;
  /** What that step does, for the reader. */
  why: string;
  /** Its body: its own example changed to match the answering example. */
  body: (own: any, answering: any) => unknown;
  /** The field of its answer the answering example needs, and where that goes in its body. */
  capture: { name: string; from: string[]; into: string[] };
}

const phone = (v: any): string => v?.cellPhone;

export const SETUPS: Record<string, SetupSpec> = {
  answerTransfiyaTransfer: {
    operationId: 'sendTransfiyaMoney',
    why: 'a transfer to the receiver, for this example to answer',
    body: (send, answer) => {
      const from = phone(answer.xFerInfo.depAcctIdTo);
      const acctId = TRANSFIYA_ACCOUNTS[from];
      if (!acctId) throw new Error(`no sandbox account for the Transfiya phone ${from}`);
      return { ...send, xFerInfo: { ...send.xFerInfo, depAcctIdFrom: { acctId, cellPhone: from }, depAcctIdTo: { cellPhone: phone(answer.xFerInfo.depAcctIdFrom) }, amt: answer.xFerInfo.amt, desc: answer.xFerInfo.desc } };
    },
    capture: { name: 'pseTrnCode', from: ['xFerInfo', 'pseTrnCode'], into: ['xFerInfo', 'pseTrnCode'] },
  },
  answerTransfiyaMoneyRequest: {
    operationId: 'requestTransfiyaMoney',
    why: 'a money request to the payer, for this example to pay',
    body: (request, pay) => ({
      ...request,
      xFerInfo: { ...request.xFerInfo, depAcctIdFrom: { cellPhone: phone(pay.xFerInfo.depAcctIdTo) }, depAcctIdTo: { cellPhone: phone(pay.xFerInfo.depAcctIdFrom) }, amt: pay.xFerInfo.amt, desc: pay.xFerInfo.desc },
    }),
    capture: { name: 'pseTrnCode', from: ['xFerInfo', 'pseTrnCode'], into: ['xFerInfo', 'pseTrnCode'] },
  },
};

/** The operation that sends the customer the OTP a withdrawal needs (Facilito F5). */
export const OTP_REQUEST = 'requestOtp';
