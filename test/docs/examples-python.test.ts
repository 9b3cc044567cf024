import fs from 'node:fs';
import path from 'node:path';
import { API_DEFINITIONS } from '../../apis';
import { startGateway, type TestGateway } from '../helpers/gateway';
import { listen } from './portal-helpers';
import { exec, failures, pageExamples, pythonWithRequests, twice, workDir } from './example-languages';

/**
 * Every Python example of the portal, saved as the page says and run twice against a fresh
 * sandbox by a python3 that has requests: one interpreter per API runs each saved file as
 * __main__ in turn (runpy), which keeps the interpreter's start-up out of the loop.
 */
const HARNESS = `import json, runpy, sys, traceback
for run, file in json.loads(sys.argv[1]):
    print("@@block " + run, flush=True)
    try:
        runpy.run_path(file, run_name="__main__")
    except BaseException:
        traceback.print_exc(file=sys.stdout)
    sys.stdout.flush()
`;

describe('the portal\'s Python examples (requests)', () => {
  let t: TestGateway;
  let server: Awaited<ReturnType<typeof listen>>;
  let python: string;
  beforeAll(async () => {
    python = pythonWithRequests();
    t = await startGateway();
    server = await listen(t.app);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  it.each(API_DEFINITIONS.map((d) => d.name))('when every example of %s is run twice with python3, then each answers 2xx both times', async (api) => {
    const examples = await pageExamples(server.base, api, 'python');
    expect(examples.length).toBeGreaterThan(0);
    const dir = workDir('python');
    const jobs = twice(examples).map((e) => {
      fs.writeFileSync(path.join(dir, e.file), e.text);
      return [e.run, path.join(dir, e.file)];
    });
    fs.writeFileSync(path.join(dir, 'harness.py'), HARNESS);
    const out = await exec(python, ['harness.py', JSON.stringify(jobs)], dir);
    expect(failures(out, jobs.map((j) => j[0]))).toEqual([]);
  }, 120_000);

  it('when the first Facilito example is run with the command its comment prints, then it answers 2xx', async () => {
    const e = (await pageExamples(server.base, 'facilito', 'python'))[0];
    const own = workDir('python');
    fs.writeFileSync(path.join(own, e.file), e.text);
    const command = new RegExp(`and run (.+ ${e.file.replace('.', '\\.')})$`, 'm').exec(e.text)![1];
    expect(command.split(' ')[1]).toBe(e.file);
    const out = await exec(python, [e.file], own);
    expect(out).toMatch(/^HTTP 2[0-9]{2}$/m);
  }, 60_000);
});
