import type { PolicyDefinition } from '../../gateway/policy';
import { contextOf } from '../../gateway/request-context';
import { ClientRegistry } from '../../auth/client-registry';

/** client_id + client_secret headers identify a registered, active client contracted to this API. */
export const clientIdEnforcement: PolicyDefinition = {
  name: 'client-id-enforcement',
  description: 'Checks the client_id and client_secret headers against the client registry (HMAC with a pepper, constant-time compare, failed attempts throttled).',
  create({ api, deps }) {
    return async (req, _res, next) => {
      const client = await deps.clients.authenticate(req.get('client_id'), req.get('client_secret'), req.ip);
      ClientRegistry.assertContracted(client, api.name);
      contextOf(req).client = client;
      next();
    };
  },
};
