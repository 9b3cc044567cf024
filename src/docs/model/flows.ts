/**
 * The suggested flow of each API: which operations a partner calls, in which order, and why.
 * Steps name operations by operationId; test/docs fails when one is not in the contract, and the
 * QA kit runs the Facilito and Transfiya journeys for real (src/docs/postman/journeys.ts).
 */
export interface FlowStep {
  operationId: string;
  note: string;
}

export interface Flow {
  title: string;
  intro: string;
  steps: FlowStep[];
}

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
      steps: [
        { operationId: 'getCustomerAccount', note: 'Find the account by Cedula and show the holder\'s name.' },
        { operationId: 'createDeposit', note: 'Credit the account. IdFacilito is the transaction: a repeat never credits twice.' },
      ],
    },
    {
      title: 'Cash out',
      intro: 'The customer withdraws cash, authorized by a one-time password the bank sends to the customer.',
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
      steps: [{ operationId: 'createReversal', note: 'Name the transaction by its IdFacilito and amount; it is undone once, and an unknown IdFacilito is voided.' }],
    },
  ],
};
