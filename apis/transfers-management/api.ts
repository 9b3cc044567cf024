import type { ApiDefinition } from '../../src/routing/types';
import { projectPath } from '../../src/paths';

/** transfers-management: its operations land with the transfers-management issue. */
export const transfersApi: ApiDefinition = {
  name: 'transfers-management',
  basePath: '/transfers-management',
  specFile: projectPath('apis', 'transfers-management', 'openapi.json'),
  routes: [],
  createPorts: () => ({}),
};
