import type { ApiDefinition } from '../src/routing/types';
import { collectionsApi } from './collections-management/api';
import { transfersApi } from './transfers-management/api';
import { facilitoApi } from './facilito/api';

export const API_DEFINITIONS: ApiDefinition[] = [collectionsApi, transfersApi, facilitoApi];
