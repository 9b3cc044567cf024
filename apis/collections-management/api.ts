import type { ApiDefinition } from '../../src/gateway/api';
import { projectPath } from '../../src/paths';
import { createCollectionsPorts, type CollectionsPorts } from './ports';
import { collectionsRoutes } from './routes';

/** collections-management (001): ICS agreements, negotiations routed to their core, the decision engine, bill checks. */
export const collectionsApi: ApiDefinition<CollectionsPorts> = {
  name: 'collections-management',
  basePath: '/collections-management',
  specFile: projectPath('apis', 'collections-management', 'openapi.json'),
  routes: collectionsRoutes,
  createPorts: createCollectionsPorts,
};
