/**
 * The published contract as the gateway's own validator reads it. The document says "at most two
 * decimals" as `x-max-decimals: 2` (see openapi-shape.ts for why not multipleOf 0.01); the
 * validator checks it with the `decimal2` format on the number's decimal text, which AJV's
 * floating-point multipleOf cannot do (it rejects 100.29 or 20000.1). Pure data, no dev
 * dependency: the gateway loads it at start-up.
 */
type Json = any;

export function gatewayView<T>(spec: T): T {
  const walk = (node: Json): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node['x-max-decimals'] === 2 && (node.type === 'number' || node.type === 'integer')) {
      delete node['x-max-decimals'];
      node.format = 'decimal2';
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'x-amf-examples' && k !== 'example' && k !== 'examples') walk(v);
  };
  walk(spec);
  return spec;
}
