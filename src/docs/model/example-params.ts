import type { DocOperation } from './contract-model';
import { buildExampleRequests } from './request-examples';

/** Path and query values of an operation's first example, by parameter name. */
export function exampleParams(op: DocOperation): Map<string, string> {
  const values = new Map<string, string>();
  const first = buildExampleRequests(op, { references: 'as-written' }).requests[0];
  if (!first) return values;
  for (const [k, v] of first.query) values.set(k, v);
  const got = first.path.split('/');
  op.path.split('/').forEach((seg, i) => {
    const name = /^\{(.+)\}$/.exec(seg)?.[1];
    if (name) values.set(name, decodeURIComponent(got[i]));
  });
  return values;
}
