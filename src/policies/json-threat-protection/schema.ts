import type { SchemaValue } from '../../config/schema-types';

/** policies.jsonThreat */
export const jsonThreatSettings = {
  jsonThreat: {
    maxContainerDepth: { doc: 'Maximum nesting depth of objects and arrays.', format: 'nat', default: 20, env: 'GATEWAY_JSON_MAX_DEPTH' },
    maxStringValueLength: { doc: 'Maximum length of a string value.', format: 'nat', default: 4096, env: 'GATEWAY_JSON_MAX_STRING_LENGTH' },
    maxArrayElementCount: { doc: 'Maximum entries in one array.', format: 'nat', default: 500, env: 'GATEWAY_JSON_MAX_ARRAY_ENTRIES' },
    maxObjectEntryCount: { doc: 'Maximum entries in one object.', format: 'nat', default: 200, env: 'GATEWAY_JSON_MAX_OBJECT_ENTRIES' },
    maxObjectEntryNameLength: { doc: 'Maximum length of an object key.', format: 'nat', default: 100, env: 'GATEWAY_JSON_MAX_NAME_LENGTH' },
  },
};

export type JsonThreatSettings = SchemaValue<typeof jsonThreatSettings.jsonThreat>;
