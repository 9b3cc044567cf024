import { execFile } from 'node:child_process';
import path from 'node:path';

/**
 * A delay fault must not keep a process alive after the sandbox closed: a test worker that
 * injected one would otherwise linger until the delay ends, and jest reports "A worker process
 * has failed to exit gracefully".
 */
describe('the sandbox delay fault at shutdown', () => {
  it('when the sandbox closes with a 10 s delay pending, then no timer holds the process open', async () => {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, '../fixtures/sandbox/delay-then-close.ts')], { cwd: path.join(__dirname, '../..'), timeout: 30_000 }, (err, out) =>
        err ? reject(err) : resolve(out),
      );
    });
    const holding = JSON.parse(stdout) as string[];
    expect(holding).not.toContain('Timeout');
  }, 40_000);
});
