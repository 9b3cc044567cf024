import type { ApiDefinition } from '../../gateway/api';
import { loadDocApi, type DocApi } from '../model/contract-model';
import { buildExampleRequests, FreshReferences, type ExampleRequest } from '../model/request-examples';
import { COLLECTION_PREREQUEST, freshReferencesScript, otpScript } from './scripts';
import { journeysFor } from './journeys';
import { byCatalogOrder, documentedTests, postmanRequest, stableId, type PostmanCollection, type PostmanItem } from './postman-items';

export type { PostmanCollection, PostmanItem };

function exampleItem(r: ExampleRequest): PostmanItem {
  const prerequest = [...freshReferencesScript(r.freshVariables), ...(r.otpAccount ? otpScript(JSON.stringify(r.otpAccount)) : [])];
  return postmanRequest({
    name: `${r.op.code ? `${r.op.code} ` : ''}${r.op.operationId}${r.name !== 'example' && r.name !== 'request' ? ` (${r.name})` : ''}`,
    op: r.op,
    path: r.path,
    query: r.query,
    headers: r.headers,
    bodyText: r.bodyText,
    prerequest,
    tests: documentedTests(r.op),
    description: r.op.summary,
  });
}

/**
 * A Postman v2.1 collection per API, generated from the contract (test/qa keeps the committed files
 * equal to a fresh generation): every runnable example of every operation, in catalog order, then
 * the documented journeys. Money-moving examples get fresh references per run.
 */
export function buildCollection(def: ApiDefinition, api: DocApi = loadDocApi(def)): PostmanCollection {
  const fresh = new FreshReferences();
  const examples: PostmanItem[] = [];
  const illustrations: string[] = [];
  for (const op of [...api.operations].sort(byCatalogOrder)) {
    const { requests, problems } = buildExampleRequests(op, { references: 'fresh', fresh });
    if (problems.length) throw new Error(`cannot build the QA kit for ${api.name}: ${problems.join('; ')}`);
    for (const r of requests) {
      if (r.notRunnable) illustrations.push(`${op.operationId} (${r.name})`);
      else examples.push(exampleItem(r));
    }
  }
  const journeys = journeysFor(api);
  return {
    info: {
      _postman_id: stableId(`bank-api-gateway/${api.name}`),
      name: `${api.title} · bank API gateway`,
      description: [
        `Generated from raml/${api.name} (the contract) by \`npm run qa:generate\`; do not edit by hand.`,
        'Examples: every operation\'s documented example, in catalog order; money-moving ones use fresh references per run.',
        journeys.length ? `Journeys: ${journeys.map((j) => j.name).join('; ')}.` : '',
        illustrations.length ? `Not sent (illustrations with placeholders): ${illustrations.join(', ')}.` : '',
        'Variables: baseUrl, clientId, clientSecret (from the environment), tokenUrl (empty: {{baseUrl}}/oauth/token), sandboxOtpBox, otp.',
      ]
        .filter(Boolean)
        .join('\n'),
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    event: [{ listen: 'prerequest', script: { type: 'text/javascript', exec: COLLECTION_PREREQUEST } }],
    variable: [
      { key: 'accessToken', value: '' },
      { key: 'accessTokenExpiresAt', value: '0' },
      { key: 'sessionKey', value: '' },
      { key: 'freshSeq', value: '0' },
    ],
    item: [{ name: 'Examples', description: 'Every operation with its documented example request.', item: examples }, ...journeys],
  };
}
