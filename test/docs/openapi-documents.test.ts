import { pathToFileURL } from 'node:url';
import * as amf from 'amf-client-js';
import { CONTRACT_APIS, specFile } from '../../src/contracts/raml-to-openapi';

/**
 * Every committed OpenAPI document (what the validator loads and the portal renders) is itself a
 * valid OpenAPI 3.0 document: parsed and validated by AMF, with zero violations and no warning
 * (it uses standard formats only: two decimals are x-max-decimals, see src/contracts).
 */
describe.each(CONTRACT_APIS.map((a) => a.name))('OpenAPI document of %s', (name) => {
  it('when AMF parses and validates it as OAS 3.0, then it has zero violations', async () => {
    const client = amf.OASConfiguration.OAS30().baseUnitClient();
    const parsed = await client.parseDocument(pathToFileURL(specFile(name)).href);
    const validated = await client.validate(parsed.baseUnit);
    const violations = [...parsed.results, ...validated.results]
      .filter((r) => r.severityLevel === 'Violation')
      .map((r) => `${r.message} (line ${r.position?.start.line})`);
    expect(violations).toEqual([]);
    expect(validated.conforms).toBe(true);
    const warnings = [...parsed.results, ...validated.results].filter((r) => r.severityLevel !== 'Violation').map((r) => r.message);
    expect(warnings).toEqual([]);
  }, 60_000);
});
