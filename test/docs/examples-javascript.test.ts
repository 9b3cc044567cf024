import fs from 'node:fs';
import path from 'node:path';
import { API_DEFINITIONS } from '../../apis';
import { listeningGateway } from './portal-helpers';
import { exec, failures, pageExamples, twice, workDir } from './example-languages';

/**
 * Every JavaScript example of the portal, saved as the page says and run twice with node (20)
 * against a fresh sandbox: one node process per API imports each saved module in turn (each run
 * from its own folder, so a module runs again), which keeps node's start-up out of the loop.
 */
const HARNESS = `import { pathToFileURL } from 'node:url';
for (const [run, file] of JSON.parse(process.argv[2])) {
  console.log('@@block ' + run);
  try {
    await import(pathToFileURL(file).href);
  } catch (e) {
    console.log('@@error ' + (e && e.stack ? e.stack : e));
  }
}
`;
describe('the portal\'s JavaScript examples (Node 20, fetch)', () => {
  const g = listeningGateway();

  it.each(API_DEFINITIONS.map((d) => d.name))('when every example of %s is run twice with node, then each answers 2xx both times', async (api) => {
    const examples = await pageExamples(g.server.base, api, 'javascript');
    expect(examples.length).toBeGreaterThan(0);
    const dir = workDir('javascript');
    const jobs = twice(examples).map((e) => {
      const folder = path.join(dir, e.run.endsWith('run 1') ? 'run1' : 'run2');
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, e.file), e.text);
      return [e.run, path.join(folder, e.file)];
    });
    fs.writeFileSync(path.join(dir, 'harness.mjs'), HARNESS);
    const out = await exec(process.execPath, ['harness.mjs', JSON.stringify(jobs)], dir);
    expect(failures(out, jobs.map((j) => j[0]))).toEqual([]);
  }, 120_000);

  it('when the first Facilito example is run with the command its comment prints, then it answers 2xx', async () => {
    const e = (await pageExamples(g.server.base, 'facilito', 'javascript'))[0];
    const own = workDir('javascript');
    fs.writeFileSync(path.join(own, e.file), e.text);
    const command = new RegExp(`and run (.+ ${e.file.replace('.', '\\.')})$`, 'm').exec(e.text)![1];
    expect(command.split(' ')[1]).toBe(e.file);
    const out = await exec(process.execPath, [e.file], own);
    expect(out).toMatch(/^HTTP 2[0-9]{2}$/m);
  }, 60_000);
});
