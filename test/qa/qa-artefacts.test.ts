import fs from 'node:fs';
import { API_DEFINITIONS } from '../../apis';
import { loadConfig } from '../../src/gateway-config';
import { collectionFile, environmentFile, staleArtefacts } from '../../src/tools/qa/artefacts';
import { QA_ENVIRONMENTS } from '../../src/docs/postman/environments';
import { loadDocApi } from '../../src/docs/model/contract-model';

/** The committed QA kit is what the contracts generate (it cannot drift), and carries no secret. */
const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
const requests = (items: any[]): any[] => items.flatMap((i) => (i.item ? requests(i.item) : [i]));

describe('QA kit files (test/qa)', () => {
  it('when the collections and environments are generated again from the contracts, then they equal the committed files (run npm run qa:generate)', () => {
    expect(staleArtefacts()).toEqual([]);
  });

  it.each(API_DEFINITIONS.map((d) => d.name))('when the %s collection is read, then it is Postman v2.1 with every runnable example of every operation, a token fetch and no credential in it', (name) => {
    const collection = read(collectionFile(name));
    expect(collection.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    expect(collection.event[0].script.exec.join('\n')).toContain("grant_type', value: 'client_credentials'");
    const examples = requests(collection.item.find((i: any) => i.name === 'Examples').item);
    const api = loadDocApi(API_DEFINITIONS.find((d) => d.name === name)!);
    for (const op of api.operations) {
      const runnable = op.bodyExamples.filter((e) => e.runnable).length || 1;
      expect({ op: op.operationId, n: examples.filter((r) => r.name.split(' ').includes(op.operationId)).length }).toEqual({ op: op.operationId, n: runnable });
    }
    for (const r of requests(collection.item)) {
      const headers = Object.fromEntries((r.request.header as Array<{ key: string; value: string }>).map((h) => [h.key, h.value]));
      if (r.request.url.raw.startsWith('{{baseUrl}}/sandbox/')) continue;
      expect(headers).toMatchObject({ client_id: '{{clientId}}', client_secret: '{{clientSecret}}', Authorization: 'Bearer {{accessToken}}' });
    }
    const text = fs.readFileSync(collectionFile(name), 'utf8');
    expect(text).not.toContain(loadConfig({ env: 'test', environment: {} }).clients.sandboxClientSecret);
  });

  it('when the environments are read, then sandbox has the local URI and the demo client, and QA and production their URIs with empty credentials', () => {
    const config = loadConfig({ env: 'sandbox', environment: {} });
    const values = (env: string) => Object.fromEntries(read(environmentFile(env)).values.map((v: { key: string; value: string }) => [v.key, v.value]));
    expect(QA_ENVIRONMENTS).toEqual(['sandbox', 'qa', 'prod']);
    expect(values('sandbox')).toMatchObject({ baseUrl: 'http://localhost:8081', clientId: config.clients.sandboxClientId, clientSecret: config.clients.sandboxClientSecret, sandboxOtpBox: 'true' });
    for (const env of ['qa', 'prod'] as const) {
      expect(values(env)).toMatchObject({ baseUrl: config.publicUris[env], clientId: '', clientSecret: '', tokenUrl: '', otp: '', sandboxOtpBox: 'false' });
    }
  });
});
