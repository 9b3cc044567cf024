import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(__dirname, '../..');
// each build starts tsc and loads @types/node and @types/jest: a few seconds, more on a busy machine
jest.setTimeout(90_000);
const scripts: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts;

/**
 * `npm start` runs `npm run build` first; the build must compile only when a source changed.
 * This runs the real build script with the real tsconfig files on a small copy of the tree
 * (a temp folder, the project's node_modules linked in), so it takes seconds, not a full build.
 */
describe('the build that npm start runs', () => {
  let dir: string;
  const src = (file: string) => path.join(dir, 'src', file);
  const out = (file: string) => path.join(dir, 'dist', 'src', file);
  const build = () => {
    const run = spawnSync('npm', ['run', 'build', '--', '--verbose'], { cwd: dir, encoding: 'utf8' });
    expect({ status: run.status, stderr: run.stderr.replace(/^npm (notice|warn).*\n/gm, '') }).toMatchObject({ status: 0 });
    return run.stdout;
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-build-'));
    for (const f of ['tsconfig.json', 'tsconfig.build.json']) fs.copyFileSync(path.join(root, f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'build-copy', private: true, scripts: { build: scripts.build } }));
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(src('limits.ts'), 'export const LIMIT = 1;\n');
    fs.writeFileSync(src('server.ts'), "import { LIMIT } from './limits';\nexport const started = LIMIT;\n");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('when npm start and the bench scripts run, then they build first with this script', () => {
    expect(scripts.build).toMatch(/^tsc -b tsconfig\.build\.json$/);
    for (const name of ['start', 'bench', 'bench:smoke', 'bench:in-process']) expect(scripts[name]).toMatch(/^npm run build && node /);
  });

  it('when there is no dist/, then every source is compiled', () => {
    build();
    expect(fs.readFileSync(out('limits.js'), 'utf8')).toContain('LIMIT = 1');
    expect(fs.existsSync(out('server.js'))).toBe(true);
  });

  it('when no source changed, then the build compiles nothing and the output is left as it is', () => {
    const before = fs.statSync(out('server.js')).mtimeMs;
    expect(build()).toMatch(/is up to date/);
    expect(fs.statSync(out('server.js')).mtimeMs).toBe(before);
  });

  it('when a source file changed, then it is compiled again', () => {
    fs.writeFileSync(src('limits.ts'), 'export const LIMIT = 2;\n');
    expect(build()).toMatch(/Building project/);
    expect(fs.readFileSync(out('limits.js'), 'utf8')).toContain('LIMIT = 2');
  });

  it('when a source file is added, then it is compiled', () => {
    fs.writeFileSync(src('extra.ts'), 'export const EXTRA = 3;\n');
    build();
    expect(fs.readFileSync(out('extra.js'), 'utf8')).toContain('EXTRA = 3');
  });

  it('when a source no longer compiles, then the build fails (npm start chains the server after it with &&)', () => {
    fs.writeFileSync(src('limits.ts'), 'export const LIMIT: number = "two";\n');
    const run = spawnSync('npm', ['run', 'build'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stdout).toContain('limits.ts');
  });

  it('when dist/ is deleted, then the build record goes with it and everything is compiled again', () => {
    fs.writeFileSync(src('limits.ts'), 'export const LIMIT = 4;\n');
    fs.rmSync(path.join(dir, 'dist'), { recursive: true });
    build();
    expect(fs.readFileSync(out('limits.js'), 'utf8')).toContain('LIMIT = 4');
    expect(fs.existsSync(out('server.js'))).toBe(true);
  });
});
