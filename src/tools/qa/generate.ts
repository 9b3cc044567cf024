/**
 * npm run qa:generate             write test/qa/collections/*.json and test/qa/environments/*.json
 * npm run qa:generate -- --check  fail if a committed file differs from the contracts
 */
import fs from 'node:fs';
import path from 'node:path';
import { generatedArtefacts, staleArtefacts } from './artefacts';
import { projectPath } from '../../paths';
import { terminate } from '../../terminate';

function main(): void {
  if (process.argv.includes('--check')) {
    const stale = staleArtefacts();
    for (const f of stale) console.error(`${f} is stale: run npm run qa:generate`);
    if (!stale.length) console.log('QA kit up to date with the contracts');
    terminate(stale.length ? 1 : 0);
  }
  for (const a of generatedArtefacts()) {
    fs.mkdirSync(path.dirname(a.file), { recursive: true });
    fs.writeFileSync(a.file, a.text);
    console.log(`wrote ${path.relative(projectPath(), a.file)}`);
  }
}

main();
