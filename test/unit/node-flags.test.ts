import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { NODE_FLAGS } from '../../src/node-flags';

const root = path.resolve(__dirname, '../..');

describe('the V8 flags the gateway runs with (src/node-flags.ts)', () => {
  it('when npm start runs the server (the sandbox entry point), then it passes exactly these flags', () => {
    const start: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start;
    expect(start).toContain(`node ${NODE_FLAGS.join(' ')} dist/src/sandbox/main.js`);
  });

  it("when the image starts, then the Dockerfile's CMD passes exactly these flags", () => {
    const cmd = fs
      .readFileSync(path.join(root, 'Dockerfile'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('CMD '));
    expect(JSON.parse(cmd!.slice(4))).toEqual(['node', ...NODE_FLAGS, 'dist/src/main.js']);
  });

  it('when this Node starts with them, then it accepts every flag', () => {
    expect(execFileSync(process.execPath, [...NODE_FLAGS, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' })).toBe('ok');
  });
});
