/**
 * npm run docs:diagrams             render the flows' sequence diagrams to sequence-svgs.json
 * npm run docs:diagrams -- --check  fail if the committed file is not what the flows render to
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { API_DEFINITIONS } from '../../../apis';
import { loadDocApi } from '../model/contract-model';
import { diagramSources } from './flow-diagrams';

export const DIAGRAMS_FILE = path.join(__dirname, 'sequence-svgs.json');

/** beautiful-mermaid writes an @import of Google Fonts into every SVG: the portal loads nothing from elsewhere. */
export const withoutRemoteFonts = (svg: string): string => svg.replace(/^\s*@import url\([^)]*\);?\s*\n/gm, '');

export function renderDiagrams(): string {
  const sources = diagramSources(API_DEFINITIONS.map((d) => loadDocApi(d)));
  const out = execFileSync(process.execPath, [path.join(__dirname, 'render-svg.mjs')], { input: JSON.stringify(sources), encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  const svgs = JSON.parse(out) as Record<string, string>;
  const file = Object.fromEntries(sources.map((s) => [s.key, { source: s.source, svg: withoutRemoteFonts(svgs[s.key]) }]));
  return `${JSON.stringify(file, null, 2)}\n`;
}

if (require.main === module) {
  const text = renderDiagrams();
  if (process.argv.includes('--check')) {
    const same = fs.existsSync(DIAGRAMS_FILE) && fs.readFileSync(DIAGRAMS_FILE, 'utf8') === text;
    console.log(same ? 'flow diagrams up to date' : `${path.relative(process.cwd(), DIAGRAMS_FILE)} is stale: run npm run docs:diagrams`);
    process.exitCode = same ? 0 : 1;
  } else {
    fs.writeFileSync(DIAGRAMS_FILE, text);
    console.log(`wrote ${path.relative(process.cwd(), DIAGRAMS_FILE)}`);
  }
}
