import type { ApiDefinition } from '../../src/routing/types';
import { projectPath } from '../../src/paths';

/** collections-management: its operations land with the collections-management issue. */
export const collectionsApi: ApiDefinition = {
  name: 'collections-management',
  basePath: '/collections-management',
  specFile: projectPath('apis', 'collections-management', 'openapi.json'),
  routes: [],
  createPorts: () => ({}),
};
