import type { RouteDefinition } from '../../src/gateway/api';
import type { CollectionsPorts } from './ports';
import { planNegotiation } from './negotiation-rules';
import { acceptUndeclaredVariants, normalizePolicyItems, normalizeProfileItems, policiesResponse, profileResponse } from './decision-engine-mappers';
import { collectionCheckResponse, normalizeCollectionCheck } from './collection-mappers';

const OK = { value: 'OK' } as const;

/** collections-management's route table: one row per operation of 001 (C1-C5). */
export const collectionsRoutes: RouteDefinition<CollectionsPorts>[] = [
  {
    operationId: 'getIcsAgreement',
    method: 'get',
    path: '/v1/agreement/ics',
    async handle({ query, ports, call }) {
      const { govIssueIdentType, identSerialNum, acctId } = query as Record<string, string | undefined>;
      const agreement = await ports.agreements.icsAgreement({ govIssueIdentType: govIssueIdentType!, identSerialNum: identSerialNum!, acctId }, call);
      return { status: 200, body: { responseType: OK, ...agreement } };
    },
  },
  {
    operationId: 'registerNegotiation',
    method: 'post',
    path: '/v1/negotiations',
    // no money moves, but a mark is registered in a core: never retried, a timeout is an unknown outcome
    moneyMoving: true,
    idempotency: {},
    async handle({ req, body, client, ports, call }) {
      const { core, command } = planNegotiation(body);
      // keys are chosen by each client: the core's reference is unique per client
      const key = req.get('idempotency-key');
      const reference = key === undefined ? undefined : `${client.clientId}:${key}`;
      const receipt = await ports.negotiations[core].register({ ...command, reference }, call);
      return {
        status: 200,
        body: {
          responseType: OK,
          collection: { partyAcctRelRec: { acctId: receipt.acctId }, state: receipt.state, createdDt: receipt.createdDt, desc: receipt.desc },
        },
      };
    },
  },
  {
    operationId: 'profileNegotiation',
    method: 'post',
    path: '/v1/negotiations/profile',
    preValidate: (req) => acceptUndeclaredVariants(req.body),
    async handle({ body, ports, call }) {
      const results = await ports.decisionEngine.profile(normalizeProfileItems(body.listValidation), call);
      return { status: 200, body: profileResponse(results) };
    },
  },
  {
    operationId: 'evaluateNegotiationPolicies',
    method: 'post',
    path: '/v1/negotiations/policies',
    preValidate: (req) => acceptUndeclaredVariants(req.body),
    async handle({ body, ports, call }) {
      const results = await ports.decisionEngine.policies(normalizePolicyItems(body.creditAnalysis), call);
      return { status: 200, body: policiesResponse(results) };
    },
  },
  {
    operationId: 'checkCollection',
    method: 'post',
    path: '/v1/collection',
    invokerProfile: 'correspondent-collection',
    async handle({ body, ports, call }) {
      const result = await ports.agreements.checkCollection(normalizeCollectionCheck(body), call);
      return { status: 200, body: collectionCheckResponse(result) };
    },
  },
];
