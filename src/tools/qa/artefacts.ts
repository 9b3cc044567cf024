import fs from 'node:fs';
import path from 'node:path';
import { API_DEFINITIONS } from '../../../apis';
import { projectPath } from '../../paths';
import { buildCollection } from '../../docs/postman/collection';
import { QA_ENVIRONMENTS, buildEnvironment } from '../../docs/postman/environments';

/** The QA kit's files under test/qa/: one collection per API and one environment per environment. */
export const QA_DIR = projectPath('test', 'qa');
export const collectionFile = (api: string) => path.join(QA_DIR, 'collections', `${api}.postman_collection.json`);
export const environmentFile = (env: string) => path.join(QA_DIR, 'environments', `${env}.postman_environment.json`);

export function generatedArtefacts(): Array<{ file: string; text: string }> {
  return [
    ...API_DEFINITIONS.map((def) => ({ file: collectionFile(def.name), text: `${JSON.stringify(buildCollection(def), null, 2)}\n` })),
    ...QA_ENVIRONMENTS.map((env) => ({ file: environmentFile(env), text: `${JSON.stringify(buildEnvironment(env), null, 2)}\n` })),
  ];
}

/** Files whose committed text differs from a fresh generation. */
export function staleArtefacts(): string[] {
  return generatedArtefacts()
    .filter((a) => !fs.existsSync(a.file) || fs.readFileSync(a.file, 'utf8') !== a.text)
    .map((a) => path.relative(projectPath(), a.file));
}
