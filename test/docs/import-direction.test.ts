import fs from 'node:fs';
import path from 'node:path';
import { listFiles } from '../../src/docs/raml/raml-files';

/**
 * The portal is runtime code and the QA kit a development tool built on it: src/tools/qa may import
 * src/docs, never the other way round (the Postman builders the portal serves live in src/docs/postman).
 */
const ROOT = path.join(__dirname, '..', '..');
const importsOf = (file: string): string[] => {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/g), ...text.matchAll(/(?:require|import)\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]);
  return specs.filter((s) => s.startsWith('.')).map((s) => path.relative(ROOT, path.resolve(path.dirname(file), s)));
};
const tsFiles = (dir: string) => listFiles(path.join(ROOT, dir)).filter((f) => f.endsWith('.ts')).map((f) => path.join(ROOT, dir, f));

describe('import direction between the portal and the QA kit', () => {
  it('when every module of src/docs is read, then none imports src/tools', () => {
    const files = tsFiles('src/docs');
    expect(files.length).toBeGreaterThan(20);
    const wrong = files.flatMap((f) => importsOf(f).filter((i) => i.startsWith(`src${path.sep}tools`)).map((i) => `${path.relative(ROOT, f)} -> ${i}`));
    expect(wrong).toEqual([]);
  });

  it('when the QA kit is read, then it builds on src/docs (the collections and environments the portal serves)', () => {
    const imported = tsFiles('src/tools/qa').flatMap(importsOf);
    expect(imported).toEqual(expect.arrayContaining([path.join('src', 'docs', 'postman', 'collection'), path.join('src', 'docs', 'postman', 'environments')]));
  });
});
