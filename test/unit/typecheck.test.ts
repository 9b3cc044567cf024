import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * `npm start` builds with tsc before it starts the gateway, and ts-jest runs these tests without
 * type diagnostics: a type error anywhere in the project (tests included) would pass the suite and
 * still stop the gateway from starting. This keeps the start command's build green.
 */
describe('the TypeScript build that npm start runs', () => {
  it('when the whole project is compiled, then tsc reports no error', () => {
    const root = path.resolve(__dirname, '../..');
    const tsc = require.resolve('typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json'), '--noEmit'], { cwd: root, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 180_000);
});
