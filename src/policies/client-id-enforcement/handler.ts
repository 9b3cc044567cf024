import type { PolicyDefinition } from '../types';
import { ClientRegistry } from '../../auth/client-registry';

/** client_id + client_secret headers identify a registered, active client contracted to this API. */
export const clientIdEnforcement: PolicyDefinition = {
  name: 'client-id-enforcement',
  description: 'Checks the client_id and client_secret headers against the client registry (hashed secrets, constant-time compare).',
  create({ api, services }) {
    return async (req, res, next) => {
      const client = await services.clients.authenticate(req.get('client_id'), req.get('client_secret'));
      ClientRegistry.assertContracted(client, api.name);
      res.locals.client = client;
      next();
    };
  },
};
