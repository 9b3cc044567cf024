import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { API_DEFINITIONS } from '../../apis';
import { loadConfig } from '../../src/gateway-config';
import { loadDocApi } from '../../src/docs/model/contract-model';
import { FLOWS } from '../../src/docs/model/flows';
import { idempotencyFacts } from '../../src/docs/model/money-rules';
import { buildExampleRequests, FreshReferences, julianDate } from '../../src/docs/model/request-examples';
import { shellLines } from '../../src/docs/render/code/shell';
import { examplePrograms } from '../../src/docs/model/example-programs';
import { createPortalContext } from '../../src/docs/pages/portal-context';
import { homePage } from '../../src/docs/pages/home-page';
import { apiPage } from '../../src/docs/pages/api-page';
import { CORRESPONDENT_TXID } from '../../src/policies/x-invoker-headers/profiles';

/** The portal's reading of the contracts, without a gateway: values, keys, flows, other profiles. */
const APIS = API_DEFINITIONS.map((d) => loadDocApi(d));
const op = (id: string) => APIS.flatMap((a) => a.operations).find((o) => o.operationId === id)!;
const PROGRAMS = new Map(APIS.flatMap((a) => [...examplePrograms(a)]));
const program = (id: string) => PROGRAMS.get(id)![0];
const sh = (script: string) => promisify(execFile)('sh', ['-c', script], { encoding: 'utf8' });

describe('the portal model of the contracts', () => {
  it('when examples are built for every operation, then every required parameter and header has a value (as written and fresh)', () => {
    for (const api of APIS) {
      const fresh = new FreshReferences();
      for (const o of api.operations) {
        expect(buildExampleRequests(o, { references: 'as-written' }).problems).toEqual([]);
        expect(buildExampleRequests(o, { references: 'fresh', fresh }).problems).toEqual([]);
      }
    }
  });

  it('when the suggested flows are read, then every step names an operation of its API', () => {
    for (const [name, flows] of Object.entries(FLOWS)) {
      const api = APIS.find((a) => a.name === name);
      expect(api).toBeDefined();
      for (const step of flows.flatMap((f) => f.steps)) expect(api!.operations.map((o) => o.operationId)).toContain(step.operationId);
    }
  });

  it('when the idempotency of money-moving routes is read from the route table, then each names the fields of its own reference or the header', () => {
    expect(idempotencyFacts(op('createTransfer')).keyFields).toEqual(['refId']);
    expect(idempotencyFacts(op('createDeposit')).keyFields).toEqual(['IdFacilito']);
    expect(idempotencyFacts(op('depositCash')).keyFields.sort()).toEqual(['trn.code', 'trn.trnRqUID', 'trn.type']);
    expect(idempotencyFacts(op('answerTransfiyaTransfer')).keyFields).toEqual(['xFerInfo.pseTrnCode', 'flagTransferAccept']);
    expect(idempotencyFacts(op('sendTransfiyaMoney'))).toMatchObject({ headerOnly: true, keyFields: [] });
    expect(idempotencyFacts(op('getCustomerAccount'))).toMatchObject({ moneyMoving: false, keyFields: [], headerOnly: false });
  });

  it('when the QA kit builds money-moving requests, then the written references become fresh variables, shared where two examples name one transaction', () => {
    const fresh = new FreshReferences();
    const deposit = buildExampleRequests(op('createDeposit'), { references: 'fresh', fresh }).requests[0];
    const reversal = buildExampleRequests(op('createReversal'), { references: 'fresh', fresh }).requests[0];
    expect(deposit.freshVariables).toEqual([{ name: 'fresh_IdFacilito_1', kind: 'integer' }]);
    expect(deposit.bodyText).toContain('"IdFacilito": {{fresh_IdFacilito_1}}');
    // the reversal example names the deposit example's IdFacilito: the same fresh variable, not a new one
    expect(reversal.freshVariables).toEqual([]);
    expect(reversal.bodyText).toContain('"IdFacilito": {{fresh_IdFacilito_1}}');
    const send = buildExampleRequests(op('sendTransfiyaMoney'), { references: 'fresh', fresh }).requests[0];
    expect(send.headers).toContainEqual(['Idempotency-Key', '{{$guid}}']);
    // reads keep their values
    expect(buildExampleRequests(op('checkCollection'), { references: 'fresh', fresh }).requests[0].bodyText).toContain('"trnRqUID": "123456"');
  });

  it('when a correspondent example runs, then its TxId carries today\'s Julian date, its ProcessId follows the profile, and blank headers are sent blank', async () => {
    const c5 = program('checkCollection');
    const lines = shellLines(c5);
    const vars = lines.filter((l) => /^[A-Z_0-9]+=/.test(l)).join('\n');
    const { stdout } = await sh(`TOKEN=${'t'.repeat(40)}\n${vars}\nprintf '%s|%s|%s|%s' "$TX_ID" "$PROCESS_ID" "$PROCESS_DATE" "$SESSION_KEY"`);
    const [txId, processId, processDate, sessionKey] = stdout.split('|');
    expect(txId).toMatch(CORRESPONDENT_TXID);
    expect(txId.slice(4, 8)).toBe(julianDate(new Date()));
    expect(processId).toBe(`0${txId.slice(-11)}`);
    expect(processDate).toBe(new Date().toISOString().slice(0, 10));
    expect(sessionKey).toBe('t'.repeat(30));
    expect(lines.join('\n')).toContain("-H 'X-Invoker-ModifierUser;'");
    expect(lines.join('\n')).toContain('-H "X-Invoker-TxId: $TX_ID"');
  });

  it('when the shell makes up fresh values, then each satisfies its field\'s contract and two runs differ', async () => {
    const schemas = (api: string) => loadDocApi(API_DEFINITIONS.find((d) => d.name === api)!).spec.components.schemas;
    const t = schemas('transfers-management');
    const idFacilito = schemas('facilito').IdFacilito;
    const key = program('sendTransfiyaMoney').op.params.find((x) => x.name === 'Idempotency-Key')!.schema.pattern;
    const checks: Array<[string, (v: string) => boolean]> = [
      [program('createDeposit').vars[0].gen, (v) => /^[0-9]+$/.test(v) && Number(v) >= idFacilito.minimum && Number(v) <= idFacilito.maximum],
      [program('createTransfer').vars[0].gen, (v) => new RegExp(t.RefId.pattern).test(v)],
      [program('depositCash').vars.find((x) => x.name === 'trnRqUID')!.gen, (v) => new RegExp(t.DepositRequest.properties.trn.properties.trnRqUID.pattern).test(v)],
      [program('saveTransfiyaEnrollment').vars.find((x) => x.name === 'cellPhone')!.gen, (v) => new RegExp(t.CellPhone.pattern).test(v)],
      ['key', (v) => new RegExp(key).test(v)],
    ];
    expect(checks.map(([g]) => g)).toEqual(['integer', 'reference', 'digits6', 'phone', 'key']);
    for (const [gen, valid] of checks) {
      const line = shellLines({ ...program('createDeposit'), vars: [{ name: 'value', gen: gen as any }], steps: [] })[1];
      const { stdout } = await sh(`${line}\nprintf '%s\\n' "$VALUE"\n${line}\nprintf '%s' "$VALUE"`);
      const [a, b] = stdout.split('\n');
      expect({ gen, a, valid: valid(a) && valid(b) }).toEqual({ gen, a, valid: true });
      expect(a).not.toBe(b);
    }
  });

  it('when a body with quotes, a number variable and an OTP is printed, then sh reads back exactly the JSON the example holds', async () => {
    const withdrawal = program('createWithdrawal');
    const main = withdrawal.steps[withdrawal.steps.length - 1];
    const body = { ...(main.body as Record<string, unknown>), TipoOperacion: "RETIRO'S" };
    const text = shellLines({ ...withdrawal, vars: [], steps: [{ ...main, body }] }).join('\n');
    const dataArg = text.split('--data-raw ')[1];
    const { stdout } = await sh(`OTP=123456; ID_FACILITO=42; printf '%s' ${dataArg}`);
    expect(JSON.parse(stdout)).toEqual({ ...(op('createWithdrawal').bodyExamples[0].value as object), OTP: '123456', TipoOperacion: "RETIRO'S", IdFacilito: 42 });
  });

  it('when examples act on a transaction, then they first make their own: the reversal its deposit, the withdrawal its OTP, the answers their Transfiya transfer and request', () => {
    const reversal = program('createReversal');
    expect(reversal.steps.map((x) => x.path)).toEqual(['/facilito/v1/deposits', '/facilito/v1/reversals']);
    // one IdFacilito: the deposit made first is the one reversed
    expect((reversal.steps[0].body as any).IdFacilito).toEqual({ $var: 'idFacilito', json: 'number' });
    expect((reversal.steps[1].body as any).IdFacilito).toEqual({ $var: 'idFacilito', json: 'number' });
    expect(program('createWithdrawal').steps.map((x) => `${x.method} ${x.path} ${x.capture?.name ?? ''}`.trim())).toEqual(['POST /facilito/v1/otp', 'GET /sandbox/otp/40010000001 otp', 'POST /facilito/v1/withdrawals']);
    for (const [id, first] of [['answerTransfiyaTransfer', '/transfers-management/v1/transfiya/credit'], ['answerTransfiyaMoneyRequest', '/transfers-management/v1/transfiya/request-money']]) {
      const p = program(id);
      expect(p.steps[0]).toMatchObject({ path: first, capture: { name: 'pseTrnCode' } });
      expect((p.steps[1].body as any).xFerInfo.pseTrnCode).toEqual({ $var: 'pseTrnCode', json: 'string' });
      // the transfer made first goes from the answer's counterpart to the one answering, for its amount
      const answer = op(id).bodyExamples[0].value as any;
      expect((p.steps[0].body as any).xFerInfo).toMatchObject({ depAcctIdFrom: { cellPhone: answer.xFerInfo.depAcctIdTo.cellPhone }, depAcctIdTo: { cellPhone: answer.xFerInfo.depAcctIdFrom.cellPhone }, amt: answer.xFerInfo.amt });
    }
    // reads make up nothing
    expect(program('getCustomerAccount')).toMatchObject({ vars: [], steps: [{ method: 'GET' }] });
  });

  it('when the portal runs in the qa profile, then it prints the QA URI and placeholders, never the sandbox demo credentials', () => {
    // what the portal reads of a qa configuration: its profile and URIs (not a bootable qa gateway)
    const config = { ...loadConfig({ env: 'test', environment: {} }), env: 'qa' } as ReturnType<typeof loadConfig>;
    const ctx = createPortalContext(config, API_DEFINITIONS);
    const apiPages = ctx.apis.map((a) => apiPage(ctx, a, config.publicUris.qa));
    for (const html of [homePage(ctx, config.publicUris.qa), ...apiPages]) {
      expect(html).toContain(`BASE=${config.publicUris.qa}`);
      expect(html).toContain('&lt;your client_id&gt;');
      expect(html).not.toContain(config.clients.sandboxClientSecret);
    }
    // "Try it out" is for the sandbox only
    for (const html of apiPages) expect(html).toContain('data-try="false"');
  });
});
