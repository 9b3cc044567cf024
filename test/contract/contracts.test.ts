import fs from 'node:fs';
import { CONTRACT_APIS, ramlToOpenApi, specFile } from '../../src/contracts/raml-to-openapi';
import { API_DEFINITIONS } from '../../apis';

/**
 * The RAML is the one definition partners read; the OpenAPI the validator loads is generated from
 * it by AMF. These tests keep the two from drifting and the route tables honest.
 */
describe.each(CONTRACT_APIS.map((a) => [a.name, a.basePath]))('contract of %s', (name, basePath) => {
  let generated: string;
  let report: Awaited<ReturnType<typeof ramlToOpenApi>>['report'];
  beforeAll(async () => {
    ({ json: generated, report } = await ramlToOpenApi(name, basePath));
  }, 60_000);

  it('when the RAML is parsed by AMF (RAML 1.0), then it has zero violations', () => {
    expect(report.violations).toEqual([]);
    expect(report.conforms).toBe(true);
  });

  it('when the OpenAPI is regenerated from the RAML, then it equals the committed file (run npm run contracts)', () => {
    expect(fs.readFileSync(specFile(name), 'utf8')).toBe(generated);
  });

  it('when the route table is compared with the contract, then they declare the same operations', () => {
    const spec = JSON.parse(generated);
    const fromSpec = Object.entries<Record<string, { operationId?: string }>>(spec.paths ?? {})
      .flatMap(([path, item]) => Object.entries(item).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`))
      .sort();
    const api = API_DEFINITIONS.find((a) => a.name === name)!;
    const fromRoutes = api.routes.map((r) => `${r.method.toUpperCase()} ${r.path} ${r.operationId}`).sort();
    expect(fromRoutes).toEqual(fromSpec);
  });
});
