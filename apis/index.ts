import type { ApiDefinition } from '../src/gateway/api';
import { collectionsApi } from './collections-management/api';
import { transfersApi } from './transfers-management/api';
import { facilitoApi } from './facilito/api';

import { facilitoSettings } from './facilito/schema';

/** The APIs this gateway serves. Adding one: its folder, plus an entry here (and its settings, if any). */
export const API_DEFINITIONS: ApiDefinition[] = [collectionsApi, transfersApi, facilitoApi];

/** The APIs' own configuration sections (top level, named after the API). */
export const apisSchema = { ...facilitoSettings };
