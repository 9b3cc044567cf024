import type { DocApi, DocOperation } from '../model/contract-model';
import { buildExampleRequests } from '../model/request-examples';
import { documentedTests, postmanRequest, type PostmanItem } from './postman-items';
import { freshReferencesScript, otpScript } from './scripts';

/**
 * The documented journeys as ordered folders: each step is a contract operation (its method, path
 * and required headers come from the contract), its body the contract's example with the journey's
 * values, and its tests the step's expected outcome. Values flow between steps through collection
 * variables (the account found, the pseTrnCode answered...).
 */
interface Step {
  name: string;
  operationId: string;
  path?: string;
  query?: Array<[string, string]>;
  /** The contract example's body changed for the journey; "{{x}}" strings become variables. */
  body?: (example: any) => unknown;
  /** Body fields that are numbers given as variables. */
  numericVars?: string[];
  extraHeaders?: Array<[string, string]>;
  prerequest?: string[];
  tests: string[];
}

function opOf(api: DocApi, id: string): DocOperation {
  const op = api.operations.find((o) => o.operationId === id);
  if (!op) throw new Error(`journey step ${id} is not an operation of ${api.name}`);
  return op;
}

function bodyText(step: Step, example: unknown): string | undefined {
  if (!step.body) return undefined;
  let text = JSON.stringify(step.body(JSON.parse(JSON.stringify(example ?? {}))), null, 2);
  for (const v of step.numericVars ?? []) text = text.split(`"{{${v}}}"`).join(`{{${v}}}`);
  return text;
}

function stepItem(api: DocApi, step: Step): PostmanItem {
  const op = opOf(api, step.operationId);
  const base = buildExampleRequests(op, { references: 'as-written' }).requests[0];
  return postmanRequest({
    name: step.name,
    op,
    path: step.path ?? base.path,
    query: step.query ?? base.query,
    headers: [...base.headers.filter(([k]) => k !== 'Idempotency-Key'), ...(step.extraHeaders ?? [])],
    bodyText: bodyText(step, op.bodyExamples.find((e) => e.runnable)?.value),
    prerequest: step.prerequest ?? [],
    tests: [...documentedTests(op), ...step.tests],
  });
}

function facilitoJourney(api: DocApi): PostmanItem {
  const deposit = 200000;
  const withdrawal = 35000.5;
  const steps: Step[] = [
    {
      name: 'F1 look up the customer by Cedula',
      operationId: 'getCustomerAccount',
      path: '/v1/customers/1234567890/account',
      tests: ["pm.collectionVariables.set('journeyAccount', body.IDcuenta);", "pm.test('the account holder is named', () => pm.expect(body.NombreTitular).to.be.a('string').and.not.empty);"],
    },
    {
      name: 'F2 deposit 200,000.00 (cash in)',
      operationId: 'createDeposit',
      body: (b) => ({ ...b, Valor: deposit, IDcuenta: '{{journeyAccount}}', IdFacilito: '{{journeyDepositId}}' }),
      numericVars: ['journeyDepositId'],
      prerequest: freshReferencesScript([{ name: 'journeyDepositId', kind: 'integer' }]),
      tests: ["pm.test('an authorization number', () => pm.expect(body.IdAutorizacion).to.be.a('number'));", "pm.collectionVariables.set('journeyDepositAuthorization', String(body.IdAutorizacion));"],
    },
    {
      name: 'F2 the same deposit again: replayed, credited once',
      operationId: 'createDeposit',
      body: (b) => ({ ...b, Valor: deposit, IDcuenta: '{{journeyAccount}}', IdFacilito: '{{journeyDepositId}}' }),
      numericVars: ['journeyDepositId'],
      tests: [
        "pm.test('the first answer again', () => pm.expect(String(body.IdAutorizacion)).to.eql(pm.collectionVariables.get('journeyDepositAuthorization')));",
        "pm.test('marked as a replay', () => pm.expect(pm.response.headers.get('Idempotent-Replayed')).to.eql('true'));",
      ],
    },
    {
      name: 'F5 request an OTP for the withdrawal',
      operationId: 'requestOtp',
      body: (b) => ({ ...b, IDcuenta: '{{journeyAccount}}', Valor: withdrawal }),
      tests: ["pm.test('the OTP is not in the answer', () => pm.expect(JSON.stringify(body)).not.to.match(/\"OTP\"/i));"],
    },
    {
      name: 'F6 withdraw 35,000.50 with the OTP (cash out)',
      operationId: 'createWithdrawal',
      body: (b) => ({ ...b, IDcuenta: '{{journeyAccount}}', OTP: '{{otp}}', Valor: withdrawal, TipoOperacion: 'RETIRO', IdFacilito: '{{journeyWithdrawalId}}' }),
      numericVars: ['journeyWithdrawalId'],
      prerequest: [
        ...freshReferencesScript([{ name: 'journeyWithdrawalId', kind: 'integer' }]),
        // the OTP F5 sent: read from the sandbox's delivery box (a missing one fails the step), or
        // elsewhere the one the customer received, given with --env-var otp=...
        ...otpScript("pm.collectionVariables.get('journeyAccount')"),
      ],
      tests: ["pm.test('an authorization number', () => pm.expect(body.IdAutorizacion).to.be.a('number'));"],
    },
    {
      // the cash could not be handed out: the withdrawal is undone (and the run leaves the account
      // richer, never poorer, so the journey can run any number of times on one sandbox)
      name: 'F7 reverse the withdrawal (cash not handed out)',
      operationId: 'createReversal',
      body: (b) => ({ ...b, ValorPagar: withdrawal, IdFacilito: '{{journeyWithdrawalId}}' }),
      numericVars: ['journeyWithdrawalId'],
      tests: ["pm.test('reversed', () => pm.expect(body.Mensaje).to.match(/revers/i));"],
    },
    {
      name: 'F7 the same reversal again: the first answer, money back once',
      operationId: 'createReversal',
      body: (b) => ({ ...b, ValorPagar: withdrawal, IdFacilito: '{{journeyWithdrawalId}}' }),
      numericVars: ['journeyWithdrawalId'],
      tests: ["pm.test('reversed', () => pm.expect(body.Mensaje).to.match(/revers/i));"],
    },
  ];
  return {
    name: 'Journey: Facilito cash in, cash out, reversal',
    description: 'Look up, deposit (and its replay), OTP request, withdrawal with the OTP (read from the sandbox box in the sandbox), reversal of the withdrawal (and its repeat).',
    item: steps.map((s) => stepItem(api, s)),
  };
}

function transfiyaJourney(api: DocApi): PostmanItem {
  const amt = 1500.75;
  const sender = { phone: '3101112233', id: '43222333' };
  const receiver = { phone: '3104445566', id: '71333444' };
  const enrollment = (who: string, v: { phone: string; id: string }): Step => ({
    name: `T3 the ${who}'s enrollment`,
    operationId: 'getTransfiyaEnrollment',
    path: `/v1/transfiya/enrollment/${v.id}`,
    query: [['govIssueIdentType', 'CC']],
    tests: [`pm.test('enrolled with ${v.phone}', () => pm.expect(body.personInfo.cellPhone).to.eql('${v.phone}'));`, `pm.collectionVariables.set('${who}Account', body.depAcctId.acctId);`],
  });
  const steps: Step[] = [
    enrollment('sender', sender),
    enrollment('receiver', receiver),
    {
      name: `T6 send ${amt} to ${receiver.phone}`,
      operationId: 'sendTransfiyaMoney',
      body: (b) => ({ ...b, xFerInfo: { ...b.xFerInfo, depAcctIdFrom: { acctId: '{{senderAccount}}', cellPhone: sender.phone }, depAcctIdTo: { cellPhone: receiver.phone }, amt } }),
      extraHeaders: [['Idempotency-Key', '{{$guid}}']],
      tests: ["pm.test('ACH answered a pseTrnCode', () => pm.expect(body.xFerInfo.pseTrnCode).to.match(/^[A-Za-z0-9]{6,40}$/));", "pm.collectionVariables.set('journeyPseTrnCode', body.xFerInfo.pseTrnCode);"],
    },
    {
      name: 'T7 the receiver sees it pending',
      operationId: 'getPendingTransfiyaToReceive',
      path: `/v1/transfiya/transfers/${receiver.phone}/pending/get`,
      query: [['recordsXPage', '100']],
      tests: [
        "const code = pm.collectionVariables.get('journeyPseTrnCode');",
        `pm.test('the transfer is pending for ${amt}', () => pm.expect(body.xFerInfo.filter((x) => x.pseTrnCode === code).map((x) => x.curAmt.amt)).to.eql([${amt}]));`,
      ],
    },
    {
      name: 'T8 the receiver accepts it',
      operationId: 'answerTransfiyaTransfer',
      body: (b) => ({
        ...b,
        xFerInfo: { pseTrnCode: '{{journeyPseTrnCode}}', depAcctIdFrom: { acctId: '{{receiverAccount}}', cellPhone: receiver.phone }, depAcctIdTo: { cellPhone: sender.phone }, amt, desc: 'Transfer to phone' },
        flagTransferAccept: 'Accept',
        flagEstablishTrust: false,
      }),
      tests: [],
    },
  ];
  return {
    name: 'Journey: Transfiya send and accept',
    description: 'Both enrollments, send money (debited now), pending for the receiver, accepted (credited).',
    item: steps.map((s) => stepItem(api, s)),
  };
}

export function journeysFor(api: DocApi): PostmanItem[] {
  if (api.name === 'facilito') return [facilitoJourney(api)];
  if (api.name === 'transfers-management') return [transfiyaJourney(api)];
  return [];
}

