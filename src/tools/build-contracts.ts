/**
 * npm run contracts            regenerate apis/<api>/openapi.json from raml/<api>/api.raml
 * npm run contracts -- --check fail if a RAML has violations or a committed OpenAPI is stale
 */
import fs from 'node:fs';
import path from 'node:path';
import { CONTRACT_APIS, ramlToOpenApi, specFile } from '../contracts/raml-to-openapi';
import { terminate } from '../terminate';

async function main() {
  const check = process.argv.includes('--check');
  let failed = false;
  for (const api of CONTRACT_APIS) {
    const { json, report } = await ramlToOpenApi(api.name, api.basePath);
    if (!report.conforms) {
      failed = true;
      console.error(`raml/${api.name}: ${report.violations.length} violation(s)`);
      for (const v of report.violations) console.error(`  [${v.level}] ${v.location ?? ''}:${v.position ?? ''} ${v.message}`);
      continue;
    }
    const file = specFile(api.name);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (check) {
      if (current !== json) {
        failed = true;
        console.error(`${path.relative(process.cwd(), file)} is stale: run npm run contracts`);
      } else console.log(`${api.name}: RAML valid, OpenAPI up to date`);
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, json);
      console.log(`${api.name}: wrote ${path.relative(process.cwd(), file)}`);
    }
  }
  terminate(failed ? 1 : 0);
}

void main();
