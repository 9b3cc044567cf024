/**
 * The suggested flow of each API: which operations a partner calls, in which order, and why.
 * Steps name operations by operationId; test/docs fails when one is not in the contract, and the
 * QA kit runs the Facilito and Transfiya journeys for real (src/docs/postman/journeys.ts).
 */
export interface FlowStep {
  operationId: string;
  note: string;
}

/**
 * A flow as a sequence diagram: who talks to whom, in order. A message that is a call of the API
 * names its operation (its catalog code is printed before the text; test/docs checks it exists).
 * Texts stay short: the diagram's actors are ~140 px apart; the numbered steps say the rest.
 */
export interface SequenceMessage {
  from: string;
  to: string;
  text: string;
  op?: string;
  /** An answer (dashed arrow). */
  reply?: boolean;
  /** Out of band, not an answer (the OTP's SMS). */
  async?: boolean;
}
export interface SequenceNote {
  over: string[];
  note: string;
}
export interface FlowSequence {
  actors: Array<[id: string, label: string]>;
  messages: Array<SequenceMessage | SequenceNote>;
}

export interface Flow {
  title: string;
  intro: string;
  steps: FlowStep[];
  sequence?: FlowSequence;
}

const call = (from: string, to: string, text: string, op?: string): SequenceMessage => ({ from, to, text, op });
const back = (from: string, to: string, text: string): SequenceMessage => ({ from, to, text, reply: true });
const note = (over: string[], text: string): SequenceNote => ({ over, note: text });
const FACILITO_ACTORS: FlowSequence['actors'] = [
  ['P', 'Facilito point'],
  ['G', 'Gateway'],
  ['B', 'Bankmaster'],
  ['C', 'Customer'],
];
const LOOKUP = [call('P', 'G', 'account by Cedula', 'getCustomerAccount'), call('G', 'B', 'main account'), back('B', 'G', 'IDcuenta, holder'), back('G', 'P', '200 IDcuenta')];
const TRANSFIYA_ACTORS: FlowSequence['actors'] = [
  ['S', 'Sender app'],
  ['G', 'Gateway'],
  ['A', 'ACH Transfiya'],
  ['R', 'Receiver app'],
];

export const FLOWS: Record<string, Flow[]> = {
  'collections-management': [
    {
      title: 'Offer and register a negotiation',
      intro: 'A collections channel looks at the customer, asks the decision engine what it may offer, and registers the tool the customer accepts.',
      steps: [
        { operationId: 'getIcsAgreement', note: 'Read the customer\'s payment agreement (ICS) for the obligation, if there is one.' },
        { operationId: 'profileNegotiation', note: 'Profile the customer with the decision engine (last action executed).' },
        { operationId: 'evaluateNegotiationPolicies', note: 'First moment (flagRecalculate false): the viable offers. Recalculate (true) with the offer or offers the customer considers.' },
        { operationId: 'registerNegotiation', note: 'Register the chosen tool in the core that holds the obligation. Send an Idempotency-Key: a retry after a 504 must not register twice.' },
      ],
    },
    {
      title: 'Check a bill at a banking correspondent',
      intro: 'A correspondent point checks the bill before taking the cash; nothing is collected by this call.',
      steps: [{ operationId: 'checkCollection', note: 'With the correspondent\'s pinned headers (Channel 13, BranchId 1108, subChannel 07) and an APIF TxId.' }],
    },
  ],
  'transfers-management': [
    {
      title: 'Quote and transfer',
      intro: 'Show the customer the commission, then move the money with a reference of your own.',
      steps: [
        { operationId: 'calculateFee', note: 'The commission of the processing code (reads only).' },
        { operationId: 'createTransfer', note: 'OWN, THIRD, PSE, CCR or TFI by xFerRec.categCode. refId is the transaction\'s identity: repeat it (same body) to learn the outcome after a timeout.' },
      ],
    },
    {
      title: 'Transfiya: send and accept',
      intro: 'Money sent to a cell phone waits for the receiver to accept, reject or block it.',
      sequence: {
        actors: TRANSFIYA_ACTORS,
        messages: [
          call('S', 'G', 'send to a phone', 'sendTransfiyaMoney'),
          note(['S', 'G'], 'Idempotency-Key: sent once'),
          call('G', 'A', 'debit, send'),
          back('A', 'G', 'pseTrnCode'),
          back('G', 'S', '201 pseTrnCode'),
          call('R', 'G', 'pending for me', 'getPendingTransfiyaToReceive'),
          call('G', 'A', 'pending of phone'),
          back('A', 'G', 'transfers'),
          back('G', 'R', '200 pending'),
          call('R', 'G', 'Accept', 'answerTransfiyaTransfer'),
          call('G', 'A', 'accept pseTrnCode'),
          back('A', 'G', 'receiver credited'),
          back('G', 'R', '201'),
        ],
      },
      steps: [
        { operationId: 'getTransfiyaEnrollment', note: 'The sender\'s enrolled phone and account (enroll with saveTransfiyaEnrollment first).' },
        { operationId: 'sendTransfiyaMoney', note: 'Debits the sender now (amount plus fee) and answers ACH\'s pseTrnCode. Send an Idempotency-Key.' },
        { operationId: 'getPendingTransfiyaToReceive', note: 'The receiver sees the transfer pending.' },
        { operationId: 'answerTransfiyaTransfer', note: 'Accept credits the receiver; Reject returns the money; ToBlock returns it and blocks the sender.' },
      ],
    },
    {
      title: 'Transfiya: request and pay',
      intro: 'A customer asks another phone for money; the payer answers the request.',
      sequence: {
        actors: [
          ['Q', 'Requester app'],
          ['G', 'Gateway'],
          ['A', 'ACH Transfiya'],
          ['Y', 'Payer app'],
        ],
        messages: [
          call('Q', 'G', 'ask a phone', 'requestTransfiyaMoney'),
          call('G', 'A', 'money request'),
          back('A', 'G', 'pseTrnCode'),
          back('G', 'Q', '201 pseTrnCode'),
          call('Y', 'G', 'asked of me', 'getPendingTransfiyaToSend'),
          call('G', 'A', 'requests to pay'),
          back('A', 'G', 'requests'),
          back('G', 'Y', '200 pending'),
          call('Y', 'G', 'Accept: pay', 'answerTransfiyaMoneyRequest'),
          call('G', 'A', 'pay pseTrnCode'),
          back('A', 'G', 'payer debited'),
          back('G', 'Y', '201'),
          note(['Q', 'G'], 'requester credited'),
        ],
      },
      steps: [
        { operationId: 'requestTransfiyaMoney', note: 'The request is pending for the payer.' },
        { operationId: 'getPendingTransfiyaToSend', note: 'The payer sees what it was asked for.' },
        { operationId: 'answerTransfiyaMoneyRequest', note: 'Accept debits the payer and credits the requester.' },
      ],
    },
    {
      title: 'Cash deposit at a banking correspondent',
      intro: 'The correspondent point deposits cash into a customer\'s account and can reverse it once.',
      steps: [
        { operationId: 'depositCash', note: 'trn.type N (or Normal) deposits; the same trn.code and trnRqUID with type R (or Reverso) reverses it.' },
      ],
    },
  ],
  facilito: [
    {
      title: 'Cash in',
      intro: 'A Facilito point takes cash and credits the customer\'s account.',
      sequence: {
        actors: FACILITO_ACTORS.slice(0, 3),
        messages: [
          ...LOOKUP,
          call('P', 'G', 'deposit', 'createDeposit'),
          note(['G', 'B'], 'IdFacilito: applied once'),
          call('G', 'B', 'credit FAC-IdFacilito'),
          back('B', 'G', 'authorization'),
          back('G', 'P', '200 IdAutorizacion'),
        ],
      },
      steps: [
        { operationId: 'getCustomerAccount', note: 'Find the account by Cedula and show the holder\'s name.' },
        { operationId: 'createDeposit', note: 'Credit the account. IdFacilito is the transaction: a repeat never credits twice.' },
      ],
    },
    {
      title: 'Cash out',
      intro: 'The customer withdraws cash, authorized by a one-time password the bank sends to the customer.',
      sequence: {
        actors: FACILITO_ACTORS,
        messages: [
          ...LOOKUP,
          call('P', 'G', 'OTP for amount', 'requestOtp'),
          call('G', 'B', 'issue OTP'),
          { from: 'B', to: 'C', text: 'SMS: the OTP', async: true },
          back('G', 'P', '200 OTP sent'),
          call('C', 'P', 'tells the OTP'),
          call('P', 'G', 'withdraw, OTP', 'createWithdrawal'),
          call('G', 'B', 'debit with OTP'),
          back('B', 'G', 'authorization'),
          back('G', 'P', '200 IdAutorizacion'),
        ],
      },
      steps: [
        { operationId: 'getCustomerAccount', note: 'Find the account by Cedula.' },
        { operationId: 'requestOtp', note: 'The bank sends the customer an OTP for exactly this account and amount (never in the answer).' },
        { operationId: 'createWithdrawal', note: 'Debit the account with the OTP the customer tells the point.' },
      ],
    },
    {
      title: 'Credit installment',
      intro: 'The customer pays an installment of a credit in cash.',
      steps: [
        { operationId: 'getCustomerCredits', note: 'The customer\'s credits with ValorMinimo and ValorTotal.' },
        { operationId: 'createCreditPayment', note: 'Pay between ValorMinimo and ValorTotal.' },
      ],
    },
    {
      title: 'Reversal',
      intro: 'Undo a deposit, payment or withdrawal the point could not complete (or whose answer it did not get).',
      sequence: {
        actors: FACILITO_ACTORS.slice(0, 3),
        messages: [
          call('P', 'G', 'withdraw', 'createWithdrawal'),
          call('G', 'B', 'debit'),
          back('B', 'G', '(no answer in time)'),
          back('G', 'P', '504 outcome unknown'),
          note(['P', 'G'], 'cash not handed out'),
          call('P', 'G', 'reverse', 'createReversal'),
          call('G', 'B', 'reverse FAC-IdFacilito'),
          back('B', 'G', 'reversed once'),
          back('G', 'P', '200 Reverso OK'),
        ],
      },
      steps: [{ operationId: 'createReversal', note: 'Name the transaction by its IdFacilito and amount; it is undone once, and an unknown IdFacilito is voided.' }],
    },
  ],
};
