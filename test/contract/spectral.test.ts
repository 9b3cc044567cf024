import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { CONTRACT_APIS, specFile } from '../../src/contracts/raml-to-openapi';
import { startGateway } from '../helpers/gateway';

/**
 * Spectral (the OAS ruleset plus the house rules of test/contract/spectral/ruleset.yaml) lints the
 * committed documents and the ones the portal serves: no error, no warning. A document broken the
 * way the issue found the old ones (an empty path item, a custom format, a parameter and an answer
 * without example) gets exactly those house errors, so the rules do check something.
 */
const ROOT = path.join(__dirname, '..', '..');
const SPECTRAL = path.join(ROOT, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');
const RULESET = path.join(__dirname, 'spectral', 'ruleset.yaml');

interface Finding {
  code: string;
  severity: number;
  source: string;
  path: string[];
}

describe('Spectral', () => {
  let dir: string;
  let findings: Finding[];
  let txIdAt: number;
  const files: string[] = [];
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spectral-'));
    const t = await startGateway();
    try {
      for (const api of CONTRACT_APIS) {
        const served = (await request(t.app).get(`/docs/${api.name}/openapi.json`)).body;
        fs.writeFileSync(path.join(dir, `served-${api.name}.json`), JSON.stringify(served));
      }
    } finally {
      await t.close();
    }
    // T2 alone, broken: small, so the check costs little
    const whole = JSON.parse(fs.readFileSync(specFile('transfers-management'), 'utf8'));
    const fees = JSON.parse(JSON.stringify(whole.paths['/v1/fees']));
    fees.post.parameters.find((p: any) => p.name === 'X-Invoker-TxId').example = undefined;
    delete fees.post.responses['200'].content['application/json'].example;
    const broken = { ...whole, paths: { '/v1': {}, '/v1/fees': JSON.parse(JSON.stringify(fees)) } };
    broken.components.schemas.Amount.format = 'decimal2';
    fs.writeFileSync(path.join(dir, 'broken.json'), JSON.stringify(broken));
    txIdAt = fees.post.parameters.findIndex((p: any) => p.name === 'X-Invoker-TxId');
    files.push(...CONTRACT_APIS.map((a) => specFile(a.name)), ...CONTRACT_APIS.map((a) => path.join(dir, `served-${a.name}.json`)), path.join(dir, 'broken.json'));
    // exit code 1 when errors are found (the broken document has some): the JSON report is what counts
    const run = await promisify(execFile)(process.execPath, [SPECTRAL, 'lint', ...files, '--ruleset', RULESET, '-f', 'json', '--quiet'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }).catch((e) => e);
    findings = JSON.parse(run.stdout);
  }, 240_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const of = (file: string) => findings.filter((f) => path.resolve(f.source) === path.resolve(file)).map((f) => `${['error', 'warn', 'info', 'hint'][f.severity]} ${f.code} ${f.path.join('.')}`);

  it.each(CONTRACT_APIS.map((a) => a.name))('when the committed and the served %s documents are linted, then there is no finding at all', (name) => {
    expect(of(specFile(name))).toEqual([]);
    expect(of(path.join(dir, `served-${name}.json`))).toEqual([]);
  });

  it('when a document has an empty path item, a custom format and a parameter and an answer without example, then the house rules report each', () => {
    expect(of(path.join(dir, 'broken.json')).filter((f) => f.startsWith('error')).sort()).toEqual(
      [
        'error house-no-empty-path-item paths./v1',
        'error house-known-format components.schemas.Amount.format',
        `error house-parameter-example paths./v1/fees.post.parameters.${txIdAt}`,
        'error house-media-example paths./v1/fees.post.responses.200.content.application/json',
      ].sort(),
    );
  });
});
