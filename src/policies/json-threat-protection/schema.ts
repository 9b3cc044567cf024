export const jsonThreatSchema = {
  maxContainerDepth: { doc: 'Maximum nesting depth of objects and arrays.', format: 'nat', default: 20 },
  maxStringValueLength: { doc: 'Maximum length of a string value.', format: 'nat', default: 4096 },
  maxArrayElementCount: { doc: 'Maximum entries in one array.', format: 'nat', default: 500 },
  maxObjectEntryCount: { doc: 'Maximum entries in one object.', format: 'nat', default: 200 },
  maxObjectEntryNameLength: { doc: 'Maximum length of an object key.', format: 'nat', default: 100 },
};
