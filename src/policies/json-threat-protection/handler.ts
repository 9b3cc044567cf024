import type { PolicyDefinition } from '../../gateway/policy';
import type { JsonThreatSettings } from './schema';
import { GatewayError } from '../../errors/gateway-error';

export interface JsonThreatLimits {
  maxContainerDepth: number;
  maxStringValueLength: number;
  maxArrayElementCount: number;
  maxObjectEntryCount: number;
  maxObjectEntryNameLength: number;
}

/** A node still to visit; its path text is only built when it is reported. */
interface Pending {
  value: unknown;
  depth: number;
  parent?: Pending;
  key?: string;
  index?: number;
}

function pathOf(n: Pending): string {
  if (!n.parent) return '';
  const parent = pathOf(n.parent);
  if (n.index !== undefined) return `${parent}[${n.index}]`;
  return parent ? `${parent}.${n.key}` : n.key!;
}

const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A character no field of these APIs carries and that a core may read otherwise: a C0 control
 * character or DEL (a line break in a fixed-width core record or a log line, a NUL that ends a C
 * string) or a lone surrogate (not Unicode: a UTF-8 encoder writes U+FFFD or fails). Named with
 * its code point; a well-formed surrogate pair (an emoji) passes.
 */
export function badCharacter(s: string): string | undefined {
  const m = CONTROL.exec(s);
  if (m) return `a control character (U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`;
  // String.prototype.isWellFormed (Node 20, ES2024): the lib this project compiles against is ES2022
  if (!(s as string & { isWellFormed(): boolean }).isWellFormed()) return 'a lone surrogate (not valid Unicode)';
  return undefined;
}

/**
 * Walks the parsed body iteratively (no recursion: a deep body cannot blow the stack) and returns
 * the first violation. Numbers, booleans and null break no limit and are not visited; paths are
 * named only for the violation reported (building one per node was most of this policy's cost).
 */
export function findJsonThreat(body: unknown, limits: JsonThreatLimits): string | undefined {
  const stack: Pending[] = [{ value: body, depth: 0 }];
  while (stack.length) {
    const node = stack.pop()!;
    const { value, depth } = node;
    if (typeof value === 'string') {
      if (value.length > limits.maxStringValueLength) {
        return `string value at ${pathOf(node) || 'body'} is longer than ${limits.maxStringValueLength} characters`;
      }
      const bad = badCharacter(value);
      if (bad) return `field ${pathOf(node) || 'body'} contains ${bad}`;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const d = depth + 1;
    if (d > limits.maxContainerDepth) return `nesting at ${pathOf(node) || 'body'} is deeper than ${limits.maxContainerDepth} levels`;
    if (Array.isArray(value)) {
      if (value.length > limits.maxArrayElementCount) {
        return `array ${pathOf(node) || 'body'} has more than ${limits.maxArrayElementCount} entries`;
      }
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (typeof v === 'string' || (v !== null && typeof v === 'object')) stack.push({ value: v, depth: d, parent: node, index: i });
      }
    } else {
      const keys = Object.keys(value);
      if (keys.length > limits.maxObjectEntryCount) {
        return `object ${pathOf(node) || 'body'} has more than ${limits.maxObjectEntryCount} entries`;
      }
      for (const k of keys) {
        if (k.length > limits.maxObjectEntryNameLength) {
          return `a field name in ${pathOf(node) || 'body'} is longer than ${limits.maxObjectEntryNameLength} characters`;
        }
        const bad = badCharacter(k);
        if (bad) return `a field name in ${pathOf(node) || 'body'} contains ${bad}`;
        const v: unknown = (value as Record<string, unknown>)[k];
        if (typeof v === 'string' || (v !== null && typeof v === 'object')) stack.push({ value: v, depth: d, parent: node, key: k });
      }
    }
  }
  return undefined;
}

export const jsonThreatProtection: PolicyDefinition<JsonThreatSettings> = {
  name: 'json-threat-protection',
  description: "MuleSoft's five JSON limits (container depth, string length, array entries, object entries, name length), and no control character or lone surrogate in any string.",
  settingsKey: 'jsonThreat',
  needsBody: true,
  create({ settings }) {
    const limits: JsonThreatLimits = settings;
    return (req, _res, next) => {
      if (req.body !== undefined) {
        const threat = findJsonThreat(req.body, limits);
        if (threat) throw GatewayError.of('JSON_THREAT', `JSON threat protection: ${threat}`);
      }
      next();
    };
  },
};
