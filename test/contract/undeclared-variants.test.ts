import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { startGateway, type TestGateway } from '../helpers/gateway';

/**
 * The contract declares one shape per field (the table's), so tools send one. The gateway keeps
 * accepting what the document's examples send instead: C3's bare-number totalCurAmt and C4's
 * AdditionalData spelling, and refuses both spellings with different values, as before.
 */
const example = (file: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'raml', 'collections-management', 'examples', file), 'utf8'));

describe('variants the collections contract does not declare', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(async () => t.close());
  const post = async (p: string, body: unknown) => request(t.app).post(`/collections-management/v1/negotiations${p}`).set(await t.auth()).send(body as object);

  it("when C3 sends the document's bare-number totalCurAmt, then it is accepted as {amt}", async () => {
    const body = example('profile-request.json');
    const item = body.listValidation.find((i: any) => i.collection?.totalCurAmt);
    expect(item.collection.totalCurAmt).toEqual({ amt: 1441551 });
    item.collection.totalCurAmt = 1441551;
    const res = await post('/profile', body);
    expect(res.status).toBe(200);
  });

  it('when C4 sends the table spelling AdditionalData, then it is accepted; with both spellings and different values, 400 names both', async () => {
    const body = example('policies-recalculation-one-offer-request.json');
    const c = body.creditAnalysis[0].collection;
    c.AdditionalData = c.additionalData;
    delete c.additionalData;
    expect((await post('/policies', body)).status).toBe(200);
    c.additionalData = [{ name: 'FLAG_NUEVA_TASA', value: '1' }];
    const res = await post('/policies', body);
    expect(res.status).toBe(400);
    expect(res.body.responseDetail.errorDesc).toContain('creditAnalysis[0].collection.additionalData and creditAnalysis[0].collection.AdditionalData are the same field spelled two ways');
  });

  it('when a C4 body is not an object, then the contract validator answers as before', async () => {
    const res = await post('/policies', [1, 2]);
    expect(res.status).toBe(400);
    expect(res.body.responseType).toEqual({ value: 'ER' });
  });
});
