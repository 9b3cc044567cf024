import fs from 'node:fs';
import path from 'node:path';
import { API_DEFINITIONS } from '../../apis';
import { startGateway, type TestGateway } from '../helpers/gateway';
import { listen } from './portal-helpers';
import { exec, failures, pageExamples, requireTool, twice, workDir, type Example } from './example-languages';

/**
 * Every Java example of the portal, saved under the file name the page gives and run twice
 * against a fresh sandbox. The page says `java File.java` (the single-file launcher compiles on
 * every start, ~1 s each); here every file is compiled once by one javac, and one JVM calls each
 * class's main in turn: the same source, the same main.
 */
const RUNNER = `public class ExampleRunner {
    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) {
            System.out.println("@@block " + args[i]);
            try {
                Class.forName(args[i + 1]).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
            } catch (java.lang.reflect.InvocationTargetException e) {
                e.getCause().printStackTrace(System.out);
            }
            System.out.flush();
        }
    }
}
`;

describe('the portal\'s Java examples (Java 17, java.net.http)', () => {
  let t: TestGateway;
  let server: Awaited<ReturnType<typeof listen>>;
  const dir = workDir('java');
  const byApi = new Map<string, Example[]>();
  beforeAll(async () => {
    requireTool('javac', ['-version'], 'a JDK 17: apt-get install openjdk-17-jdk-headless, as .ci/run does');
    requireTool('java', ['-version'], 'a JDK 17: apt-get install openjdk-17-jdk-headless, as .ci/run does');
    t = await startGateway();
    server = await listen(t.app);
    for (const d of API_DEFINITIONS) byApi.set(d.name, await pageExamples(server.base, d.name, 'java'));
    const all = [...byApi.values()].flat();
    for (const e of all) fs.writeFileSync(path.join(dir, e.file), e.text);
    fs.writeFileSync(path.join(dir, 'ExampleRunner.java'), RUNNER);
    await exec('javac', ['-d', 'classes', 'ExampleRunner.java', ...all.map((e) => e.file)], dir, 180_000);
  }, 240_000);
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  it.each(API_DEFINITIONS.map((d) => d.name))('when every example of %s is run twice, then each answers 2xx both times', async (api) => {
    const examples = byApi.get(api)!;
    expect(examples.length).toBeGreaterThan(0);
    const jobs = twice(examples).flatMap((e) => [e.run, e.file.replace(/\.java$/, '')]);
    const out = await exec('java', ['-cp', 'classes', 'ExampleRunner', ...jobs], dir);
    expect(failures(out, twice(examples).map((e) => e.run))).toEqual([]);
  }, 120_000);

  it('when the first Facilito example is run with the command its comment prints, then it answers 2xx', async () => {
    const e = byApi.get('facilito')![0];
    const own = workDir('java');
    fs.writeFileSync(path.join(own, e.file), e.text);
    const command = new RegExp(`and run (.+ ${e.file.replace('.', '\\.')})$`, 'm').exec(e.text)![1];
    expect(command.split(' ')[1]).toBe(e.file);
    const out = await exec('java', [e.file], own);
    expect(out).toMatch(/^HTTP 2[0-9]{2}$/m);
  }, 60_000);
});
