import { API_DEFINITIONS } from '../../apis';
import { loadConfig } from '../../src/gateway-config';
import { createPortalContext } from '../../src/docs/pages/portal-context';
import { SESSION_KEY_FROM_TOKEN, tryItValues } from '../../src/docs/pages/try-it';
import { CORRESPONDENT_TXID } from '../../src/policies/x-invoker-headers/profiles';

/**
 * Swagger UI's "Try it out" starts from these values (test/browser executes two of them): every
 * required parameter of every operation has one, taken from the operation's example.
 */
const config = loadConfig({ env: 'test', environment: {} });
const ctx = createPortalContext(config, API_DEFINITIONS);

describe('try-it values', () => {
  it.each(ctx.apis.map((a) => [a.name, a] as const))('when the page of %s is rendered, then every required parameter of every operation has a value', (_name, api) => {
    const { operations } = tryItValues(ctx, api);
    for (const op of api.operations) {
      const missing = op.params.filter((p) => p.required && operations[op.operationId]?.[`${p.in}:${p.name}`] === undefined).map((p) => `${p.in}:${p.name}`);
      expect({ op: op.operationId, missing }).toEqual({ op: op.operationId, missing: [] });
    }
  });

  it('when a correspondent operation is prefilled, then its TxId is new on each page load and of today, its ProcessId follows it, and the session key comes from the token', () => {
    const api = ctx.apis.find((a) => a.name === 'collections-management')!;
    const [a, b] = [tryItValues(ctx, api).operations.checkCollection, tryItValues(ctx, api).operations.checkCollection];
    expect(a['header:X-Invoker-TxId']).toMatch(CORRESPONDENT_TXID);
    expect(a['header:X-Invoker-TxId']).not.toBe(b['header:X-Invoker-TxId']);
    expect(a['header:X-Invoker-ProcessId']).toBe(`0${a['header:X-Invoker-TxId'].slice(-11)}`);
    expect(a['header:X-Invoker-Channel']).toBe('13');
    expect(a['header:X-Invoker-SessionKey']).toBe(SESSION_KEY_FROM_TOKEN);
    // "send spaces": Swagger UI refuses an empty required field
    expect(a['header:X-Invoker-ModifierUser']).toBe(' ');
  });

  it('when the page is not the sandbox\'s, then no demo client is authorized', () => {
    const qa = createPortalContext({ ...config, env: 'qa' } as typeof config, API_DEFINITIONS);
    expect(tryItValues(qa, qa.apis[0]).demo).toBeUndefined();
    expect(tryItValues(ctx, ctx.apis[0]).demo).toEqual({ clientId: config.clients.sandboxClientId, clientSecret: config.clients.sandboxClientSecret });
  });
});
