import fs from 'node:fs';
import * as amf from 'amf-client-js';
import { parseRaml, ramlFile, specFile } from '../../src/contracts/raml-to-openapi';
import { transfersApi } from '../../apis/transfers-management/api';

/**
 * The RAML partners read and the OpenAPI the validator loads declare the same operations,
 * parameters, headers and bodies: both sides are flattened to the same description (every
 * field path with its required flag and JSON type) and compared, operation by operation.
 */
type Json = any;
const XSD: Record<string, string> = { string: 'string', integer: 'integer', long: 'integer', int: 'integer', number: 'number', double: 'number', float: 'number', boolean: 'boolean' };

function flattenAmf(shape: amf.Shape | undefined, prefix = '', out: string[] = []): string[] {
  let s: any = shape;
  while (s?.isLink && s.linkTarget) s = s.linkTarget;
  if (!s) return out;
  // AMF's client classes do not survive instanceof: tell the shapes apart by what they hold
  if (Array.isArray(s.anyOf) && s.anyOf.length) {
    s.anyOf.forEach((m: amf.Shape, i: number) => flattenAmf(m, `${prefix}|${i}`, out));
  } else if (Array.isArray(s.properties)) {
    for (const p of s.properties as amf.PropertyShape[]) {
      const path = `${prefix}.${p.name.value()}`;
      out.push(`${path}${p.minCount.value() > 0 ? '*' : ''}`);
      flattenAmf(p.range, path, out);
    }
  } else if ('items' in s && s.items) {
    flattenAmf(s.items, `${prefix}[]`, out);
  } else if ('dataType' in s && s.dataType.value()) {
    out.push(`${prefix}:${XSD[s.dataType.value().split('#')[1]] ?? s.dataType.value()}`);
  }
  return out;
}

function flattenOas(spec: Json, schema: Json, prefix = '', out: string[] = []): string[] {
  while (schema?.$ref) schema = spec.components.schemas[schema.$ref.split('/').pop()];
  if (!schema) return out;
  if (schema.anyOf) {
    schema.anyOf.forEach((m: Json, i: number) => flattenOas(spec, m, `${prefix}|${i}`, out));
  } else if (schema.type === 'object' || schema.properties) {
    for (const [name, sub] of Object.entries<Json>(schema.properties ?? {})) {
      const path = `${prefix}.${name}`;
      out.push(`${path}${(schema.required ?? []).includes(name) ? '*' : ''}`);
      flattenOas(spec, sub, path, out);
    }
  } else if (schema.type === 'array') {
    flattenOas(spec, schema.items, `${prefix}[]`, out);
  } else if (schema.type) {
    out.push(`${prefix}:${schema.type}`);
  }
  return out;
}

interface OpView {
  params: string[];
  headers: string[];
  body: string[];
  responses: Record<string, string[]>;
}

describe('transfers-management: the RAML and the OpenAPI declare the same contract', () => {
  let raml: Map<string, OpView>;
  let oas: Map<string, OpView>;

  beforeAll(async () => {
    const { unit } = await parseRaml(ramlFile('transfers-management'));
    const resolved = amf.RAMLConfiguration.RAML10().baseUnitClient().transform(unit, amf.PipelineId.Default).baseUnit as amf.Document;
    raml = new Map();
    for (const ep of (resolved.encodes as amf.WebApi).endPoints) {
      for (const op of ep.operations) {
        const rq = op.request;
        const param = (p: amf.Parameter, where: string) => `${where}:${p.name.value()}${p.required.value() ? '*' : ''}`;
        raml.set(`${op.method.value().toUpperCase()} ${ep.path.value()} ${op.name.value()}`, {
          params: [...ep.parameters.map((p) => param(p, 'path')), ...(rq?.uriParameters ?? []).map((p) => param(p, 'path')), ...(rq?.queryParameters ?? []).map((p) => param(p, 'query'))].sort(),
          headers: (rq?.headers ?? []).map((p) => param(p, 'header')).sort(),
          body: flattenAmf(rq?.payloads[0]?.schema).sort(),
          responses: Object.fromEntries(op.responses.map((r) => [r.statusCode.value(), flattenAmf(r.payloads[0]?.schema).sort()])),
        });
      }
    }
    const spec = JSON.parse(fs.readFileSync(specFile('transfers-management'), 'utf8'));
    oas = new Map();
    for (const [path, item] of Object.entries<Json>(spec.paths)) {
      for (const [method, op] of Object.entries<Json>(item)) {
        const ps = (op.parameters ?? []).map((p: Json) => `${p.in}:${p.name}${p.required ? '*' : ''}`);
        oas.set(`${method.toUpperCase()} ${path} ${op.operationId}`, {
          params: ps.filter((p: string) => !p.startsWith('header:')).sort(),
          headers: ps.filter((p: string) => p.startsWith('header:')).sort(),
          body: flattenOas(spec, op.requestBody?.content?.['application/json']?.schema).sort(),
          responses: Object.fromEntries(Object.entries<Json>(op.responses).map(([code, r]) => [code, flattenOas(spec, r.content?.['application/json']?.schema).sort()])),
        });
      }
    }
  }, 60_000);

  it('when both are listed, then they hold the same fifteen operations as the route table', () => {
    expect([...raml.keys()].sort()).toEqual([...oas.keys()].sort());
    expect(raml.size).toBe(15);
    expect(transfersApi.routes.map((r) => `${r.method.toUpperCase()} ${r.path} ${r.operationId}`).sort()).toEqual([...raml.keys()].sort());
  });

  it.each(['params', 'headers', 'body', 'responses'] as const)('when each operation is compared, then its %s are the same on both sides', (part) => {
    for (const [op, view] of raml) expect({ op, [part]: view[part] }).toEqual({ op, [part]: oas.get(op)![part] });
  });

  it('when T1 is described, then its body is the union of the five kinds with their own required fields', () => {
    const body = raml.get('POST /v1/transfers createTransfer')!.body;
    expect(body.filter((f) => f.endsWith('.xFerRec.categCode*'))).toHaveLength(5);
    expect(body).toEqual(expect.arrayContaining(['|2.xFerInfo.pseTrnCode*', '|3.xFerInfo.numberOfInstallments*', '|0.custPayeeInfo.govIssueIdent*', '|1.xFerInfo.personName*']));
  });

  it('when T15 is described, then the headers its table marks Required are required', () => {
    const required = raml.get('PUT /v1/deposit depositCash')!.headers.filter((h) => h.endsWith('*'));
    expect(required.map((h) => h.slice('header:'.length, -1)).sort()).toEqual(
      [
        'X-Invoker-Action', 'X-Invoker-BranchId', 'X-Invoker-Channel', 'X-Invoker-Country', 'X-Invoker-ModifierUser', 'X-Invoker-ProcessDate',
        'X-Invoker-ProcessId', 'X-Invoker-ServerIPAddress', 'X-Invoker-SessionKey', 'X-Invoker-TerminalId', 'X-Invoker-TxId', 'X-Invoker-User',
        'X-Invoker-UserIPAddress', 'X-Invoker-subChannel',
      ].sort(),
    );
  });
});
