import type { OperationExamples, RamlExample } from './raml-examples';

/**
 * Standard OpenAPI examples where tools look for them (media types and parameters), from the
 * RAML's own examples. Only valid requests go there: a RAML example marked `strict: false` (an
 * illustration with placeholders) stays in AMF's x-amf-examples for the portal.
 *
 * An error example may say how to get it (the RAML `(request)` annotation). Its request is
 * published under the same example name: the request body's or a parameter's `examples[name]`,
 * so a tool pairs the request with the answer by name (as Postman's importer and Prism's
 * `Prefer: example=` do). Sandbox-only needs (an OTP, a fault) ride as x-sandbox on the request example.
 */
type Json = any;

export interface ExampleTrigger {
  body?: unknown;
  path?: Record<string, string>;
  query?: Record<string, string>;
  sandbox?: SandboxHint;
}

/** What a request needs from the sandbox itself, published as x-sandbox on the request example. */
export interface SandboxHint {
  /** X-Sandbox-Fault to send (the sandbox's fault injection; not part of the contract). */
  fault?: string;
  /** The body's OTP: the one the sandbox delivered to the account holder, or any other one. */
  otp?: 'delivered' | 'not-delivered';
}

const media = (node: Json): Json | undefined => node?.content?.['application/json'];

function exampleObject(e: RamlExample): Json {
  return {
    ...(e.summary ? { summary: e.summary } : {}),
    ...(e.description ? { description: e.description } : {}),
    value: e.value,
    ...(e.sandbox ? { 'x-sandbox': e.sandbox } : {}),
  };
}

/** Sets a media type's examples: `example` for one unnamed example, `examples` otherwise. */
function setExamples(m: Json, list: Array<[string, Json]>): void {
  delete m.example;
  delete m.examples;
  if (list.length === 1 && list[0][0] === 'example' && Object.keys(list[0][1]).length === 1) m.example = list[0][1].value;
  else if (list.length) m.examples = Object.fromEntries(list);
}


function addParameterExample(params: Json[], name: string, where: 'path' | 'query', exampleName: string, value: string): void {
  const p = params.find((x) => x.name === name && x.in === where);
  if (!p) throw new Error(`(request) names ${where} parameter ${name}, which the operation does not have`);
  const examples = p.examples ?? (p.example !== undefined ? { default: { value: p.example } } : {});
  delete p.example;
  p.examples = { ...examples, [exampleName]: { value } };
}

export function applyExamples(doc: Json, operations: OperationExamples[]): string[] {
  const problems: string[] = [];
  for (const op of operations) {
    const node = doc.paths?.[op.path]?.[op.method];
    if (!node) {
      problems.push(`${op.method.toUpperCase()} ${op.path}: in the RAML, not in the OpenAPI`);
      continue;
    }
    const body = media(node.requestBody);
    const bodyExamples: Array<[string, Json]> = op.body.filter((e) => e.strict).map((e) => [e.name, exampleObject(e)]);
    const params: Json[] = [...(doc.paths[op.path].parameters ?? []), ...(node.parameters ?? [])];
    for (const [status, examples] of Object.entries(op.responses)) {
      const m = media(node.responses?.[status]);
      if (!m) continue;
      setExamples(m, examples.map((e) => [e.name, exampleObject(e)]));
      for (const e of examples) {
        const t = e.request as ExampleTrigger | undefined;
        if (!t) continue;
        if (t.body !== undefined || (t.sandbox && body)) {
          if (!body) problems.push(`${node.operationId} ${status} ${e.name}: a body for an operation without one`);
          const value = t.body !== undefined ? t.body : bodyExamples[0]?.[1].value;
          bodyExamples.push([e.name, { summary: `Answered ${status}: ${e.summary ?? e.name}`, value, ...(t.sandbox ? { 'x-sandbox': t.sandbox } : {}) }]);
        }
        for (const [name, value] of Object.entries(t.path ?? {})) addParameterExample(params, name, 'path', e.name, value);
        for (const [name, value] of Object.entries(t.query ?? {})) addParameterExample(params, name, 'query', e.name, value);
      }
    }
    if (body) setExamples(body, bodyExamples);
  }
  return problems;
}
