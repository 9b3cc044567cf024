import type { ApiDefinition } from '../../src/gateway/api';
import { projectPath } from '../../src/paths';
import { createTransfersPorts, type TransfersPorts } from './ports';
import { transferRoutes } from './routes-transfers';
import { transfiyaRoutes } from './routes-transfiya';
import { createTransferKindCheck } from './transfer-kinds';

const specFile = projectPath('apis', 'transfers-management', 'openapi.json');

/** transfers-management (document 002): one row per operation, T1-T15. */
export const transfersApi: ApiDefinition<TransfersPorts> = {
  name: 'transfers-management',
  basePath: '/transfers-management',
  specFile,
  routes: [...transferRoutes(createTransferKindCheck(specFile)), ...transfiyaRoutes],
  createPorts: createTransfersPorts,
};
