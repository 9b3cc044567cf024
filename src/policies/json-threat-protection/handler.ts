import type { PolicyDefinition } from '../types';
import { GatewayError } from '../../errors/gateway-error';

export interface JsonThreatLimits {
  maxContainerDepth: number;
  maxStringValueLength: number;
  maxArrayElementCount: number;
  maxObjectEntryCount: number;
  maxObjectEntryNameLength: number;
}

/** Walks the parsed body iteratively (no recursion: a deep body cannot blow the stack) and returns the first violation. */
export function findJsonThreat(body: unknown, limits: JsonThreatLimits): string | undefined {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value: body, depth: 0, path: '' }];
  while (stack.length) {
    const { value, depth, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.length > limits.maxStringValueLength) {
        return `string value at ${path || 'body'} is longer than ${limits.maxStringValueLength} characters`;
      }
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const d = depth + 1;
    if (d > limits.maxContainerDepth) return `nesting at ${path || 'body'} is deeper than ${limits.maxContainerDepth} levels`;
    if (Array.isArray(value)) {
      if (value.length > limits.maxArrayElementCount) {
        return `array ${path || 'body'} has more than ${limits.maxArrayElementCount} entries`;
      }
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], depth: d, path: `${path}[${i}]` });
    } else {
      const keys = Object.keys(value);
      if (keys.length > limits.maxObjectEntryCount) {
        return `object ${path || 'body'} has more than ${limits.maxObjectEntryCount} entries`;
      }
      for (const k of keys) {
        if (k.length > limits.maxObjectEntryNameLength) {
          return `a field name in ${path || 'body'} is longer than ${limits.maxObjectEntryNameLength} characters`;
        }
        stack.push({ value: (value as Record<string, unknown>)[k], depth: d, path: path ? `${path}.${k}` : k });
      }
    }
  }
  return undefined;
}

export const jsonThreatProtection: PolicyDefinition = {
  name: 'json-threat-protection',
  description: "MuleSoft's five JSON limits: container depth, string length, array entries, object entries, name length.",
  needsBody: true,
  create({ config }) {
    const limits = config.policies.jsonThreat as JsonThreatLimits;
    return (req, _res, next) => {
      if (req.body !== undefined) {
        const threat = findJsonThreat(req.body, limits);
        if (threat) throw GatewayError.of('JSON_THREAT', `JSON threat protection: ${threat}`);
      }
      next();
    };
  },
};
