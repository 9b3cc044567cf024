import request from 'supertest';
import { startGateway, type TestGateway } from '../helpers/gateway';
import { example as transfersExample } from './transfers-support';
import { NEGOTIATION_HEADERS, example as collectionsExample } from './collections-support';
import { NEY, newIdFacilito } from './facilito-helpers';

/** Bodies a hostile client sends: each is refused in the envelope, naming what is wrong, before any core. */
describe('hostile JSON bodies, through the app', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());

  const coreHits = () => t.sandbox.faults.hits.length;
  const send = async (method: 'post' | 'put', path: string, text: string, headers: Record<string, string> = {}) =>
    request(t.app)[method](path).set(await t.auth()).set(headers).set('Content-Type', 'application/json').send(text);

  it('when a key is repeated (the last value would win), then 400 naming the key, and the core never sees it', async () => {
    const hits = coreHits();
    const text = `{"Valor":1,"IDcuenta":"${NEY.acct}","IdFacilito":${newIdFacilito()},"Valor":900000}`;
    const res = await send('post', '/facilito/v1/deposits', text);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ Resultado: 1, responseDetail: { errorCode: 'GW-400-02', errorType: 'APIKIT' } });
    expect(res.body.responseDetail.errorDesc).toContain('field Valor appears twice');
    expect(coreHits()).toBe(hits);
  });

  it('when a nested key is repeated through an escape, then 400 naming its path', async () => {
    const body = JSON.stringify(transfersExample('send-money-request.json')).replace('"desc":', '"\\u0064esc":"a","desc":');
    const res = await send('post', '/transfers-management/v1/transfiya/credit', body);
    expect(res.status).toBe(400);
    expect(res.body.responseDetail.errorDesc).toContain('field xFerInfo.desc appears twice');
  });

  it.each([
    ['a C0 control character', 'Transfer\\u0007to phone', 'U+0007'],
    ['a line feed', 'Transfer\\nto phone', 'U+000A'],
    ['a NUL', 'Transfer\\u0000', 'U+0000'],
    ['a lone high surrogate', 'Transfer \\ud800 to phone', 'lone surrogate'],
    ['a lone low surrogate', '\\udc00', 'lone surrogate'],
  ])('when a free-text field holds %s, then 400 naming the field, and the core never sees it', async (_what, desc, named) => {
    const hits = coreHits();
    const body = JSON.stringify(transfersExample('send-money-request.json')).replace('"desc":"Transfer to phone"', `"desc":"${desc}"`);
    const res = await send('post', '/transfers-management/v1/transfiya/credit', body, { 'Idempotency-Key': `ctl-${Date.now()}-${Math.random()}` });
    expect(res.status).toBe(400);
    expect(res.body.responseDetail).toMatchObject({ errorCode: 'GW-400-05', errorType: 'POL' });
    expect(res.body.responseDetail.errorDesc).toContain('field xFerInfo.desc');
    expect(res.body.responseDetail.errorDesc).toContain(named);
    expect(coreHits()).toBe(hits);
  });

  it('when a well-formed surrogate pair (an emoji) is sent, then it is not refused as a lone surrogate', async () => {
    const body = JSON.stringify(transfersExample('send-money-request.json')).replace('"desc":"Transfer to phone"', '"desc":"Regalo \\ud83c\\udf81"');
    const res = await send('post', '/transfers-management/v1/transfiya/credit', body, { 'Idempotency-Key': `emoji-${Date.now()}` });
    expect(res.body.responseDetail?.errorCode).not.toBe('GW-400-05');
  });

  it('when the body starts with a byte order mark, then 400 saying so (RFC 8259 section 8.1), and the core never sees it', async () => {
    const hits = coreHits();
    const text = `{"Valor":1,"IDcuenta":"${NEY.acct}","IdFacilito":${newIdFacilito()}}`;
    // a string is sent as UTF-8: U+FEFF goes out as the bytes EF BB BF
    const res = await send('post', '/facilito/v1/deposits', `\ufeff${text}`);
    expect(res.status).toBe(400);
    expect(res.body.responseDetail).toMatchObject({ errorCode: 'GW-400-02' });
    expect(res.body.responseDetail.errorDesc).toMatch(/byte order mark/);
    expect(coreHits()).toBe(hits);
  });

  it.each([
    ['0', '0'],
    ['-0', '-0'],
    ['a negative amount', '-100'],
  ])('when C2 sends a commitment amount of %s, then 400 naming collection.partyAcctRelRec.amt, and no mark is registered', async (_what, amt) => {
    const hits = coreHits();
    const body = JSON.stringify(collectionsExample('negotiation-bm-slp-cntl-pdia-pppl-request.json')).replace('"amt":1244', `"amt":${amt}`);
    expect(body).toContain(`"amt":${amt}`);
    const res = await send('post', '/collections-management/v1/negotiations', body, NEGOTIATION_HEADERS);
    expect(res.status).toBe(400);
    expect(res.body.responseDetail.errorDesc).toContain('collection.partyAcctRelRec.amt');
    expect(coreHits()).toBe(hits);
  });
});
