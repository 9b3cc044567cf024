import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { API_DEFINITIONS } from '../../apis';
import { loadConfig } from '../../src/gateway-config';
import { loadDocApi } from '../../src/docs/model/contract-model';
import { FLOWS } from '../../src/docs/model/flows';
import { idempotencyFacts } from '../../src/docs/model/money-rules';
import { buildExampleRequests, FreshReferences, julianDate } from '../../src/docs/model/request-examples';
import { curlLines } from '../../src/docs/render/curl';
import { createPortalContext } from '../../src/docs/pages/portal-context';
import { homePage } from '../../src/docs/pages/home-page';
import { apiPage } from '../../src/docs/pages/api-page';
import { CORRESPONDENT_TXID } from '../../src/policies/x-invoker-headers/profiles';

/** The portal's reading of the contracts, without a gateway: values, keys, flows, other profiles. */
const APIS = API_DEFINITIONS.map((d) => loadDocApi(d));
const op = (id: string) => APIS.flatMap((a) => a.operations).find((o) => o.operationId === id)!;

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

  it('when a correspondent example is printed, then its TxId carries today\'s Julian date, its ProcessId follows the profile, and blank headers are sent blank', () => {
    const now = new Date(Date.UTC(2024, 3, 8));
    expect(julianDate(now)).toBe('4099');
    const c5 = curlLines(buildExampleRequests(op('checkCollection'), { references: 'as-written' }).requests[0], now).join('\n');
    expect(c5).toContain("-H 'X-Invoker-TxId: APIF4099320000000001'");
    expect(c5).toContain("-H 'X-Invoker-ProcessId: 020000000001'");
    expect(c5).toContain("-H 'X-Invoker-ModifierUser;'");
    expect(c5).toContain('-H "X-Invoker-SessionKey: ${TOKEN:0:30}"');
    const t15 = curlLines(buildExampleRequests(op('depositCash'), { references: 'as-written' }).requests[0], now).join('\n');
    const processId = /X-Invoker-ProcessId: (\S+)'/.exec(t15)![1];
    expect(processId).toMatch(CORRESPONDENT_TXID);
  });

  it('when a body with quotes and an OTP is printed, then bash reads back exactly the JSON the example holds', async () => {
    const withdrawal = buildExampleRequests(op('createWithdrawal'), { references: 'as-written' }).requests[0];
    const lines = curlLines({ ...withdrawal, otpAccount: undefined, bodyText: withdrawal.bodyText!.replace('RETIRO', "RETIRO'S") });
    const dataArg = lines.join('\n').split('--data-raw ')[1];
    const { stdout } = await promisify(execFile)('bash', ['-c', `OTP=123456; printf '%s' ${dataArg}`]);
    expect(JSON.parse(stdout)).toEqual({ ...(op('createWithdrawal').bodyExamples[0].value as object), OTP: '123456', TipoOperacion: "RETIRO'S" });
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
