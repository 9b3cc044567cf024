import fs from 'node:fs';
import path from 'node:path';
import { projectPath } from '../../paths';
import { zip } from './zip';

/**
 * The partner-facing RAML as published: raml/<api>/ and the shared library raml/common/, served
 * under /docs/raml/ with the same layout so every relative include (`../common/types.raml`,
 * `examples/x.json`, `docs/y.md`) resolves from the URL it was read at.
 */
export const RAML_ROOT = projectPath('raml');

export function listFiles(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => (d.isDirectory() ? listFiles(path.join(dir, d.name), `${prefix}${d.name}/`) : d.isFile() ? [`${prefix}${d.name}`] : []));
}

/** The files one API's RAML needs, relative to raml/: its own folder and the shared library. */
export const ramlFilesOf = (api: string): string[] => [...listFiles(path.join(RAML_ROOT, api), `${api}/`), ...listFiles(path.join(RAML_ROOT, 'common'), 'common/')];

export function ramlZip(api: string): Buffer {
  return zip(ramlFilesOf(api).map((name) => ({ name, data: fs.readFileSync(path.join(RAML_ROOT, name)) })));
}

export function contentTypeOf(file: string): string {
  if (file.endsWith('.json')) return 'application/json; charset=utf-8';
  if (file.endsWith('.md')) return 'text/markdown; charset=utf-8';
  // .raml as text so a browser shows it; tools read it the same way
  if (file.endsWith('.raml')) return 'text/plain; charset=utf-8';
  return 'text/plain; charset=utf-8';
}
