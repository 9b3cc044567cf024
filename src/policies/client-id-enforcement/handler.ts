import type { PolicyDefinition } from '../types';
import type { NextFunction, Response } from 'express';
import { ClientRegistry, type ClientApp } from '../../auth/client-registry';

/** client_id + client_secret headers identify a registered, active client contracted to this API. */
export const clientIdEnforcement: PolicyDefinition = {
  name: 'client-id-enforcement',
  description: 'Checks the client_id and client_secret headers against the client registry (hashed secrets, constant-time compare).',
  create({ api, services }) {
    const accept = (client: ClientApp, res: Response, next: NextFunction) => {
      ClientRegistry.assertContracted(client, api.name);
      res.locals.client = client;
      next();
    };
    // synchronous for a secret verified before (no promise per request); a promise the first time
    return (req, res, next) => {
      const client = services.clients.check(req.get('client_id'), req.get('client_secret'));
      if (client instanceof Promise) return client.then((c) => accept(c, res, next));
      accept(client, res, next);
    };
  },
};
