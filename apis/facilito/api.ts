import type { ApiDefinition } from '../../src/gateway/api';
import type { FacilitoSettings } from './schema';
import { projectPath } from '../../src/paths';
import { createFacilitoPorts, type FacilitoPorts } from './ports';
import { facilitoRoutes } from './routes';
import { facilitoErrorDecorator } from './results';

export const facilitoApi: ApiDefinition<FacilitoPorts, FacilitoSettings> = {
  name: 'facilito',
  settingsKey: 'facilito',
  basePath: '/facilito',
  specFile: projectPath('apis', 'facilito', 'openapi.json'),
  routes: facilitoRoutes,
  createPorts: createFacilitoPorts,
  errorDecorator: facilitoErrorDecorator,
};
