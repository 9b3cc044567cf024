import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';

const root = path.resolve(__dirname, '../..');

function testSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return testSources(p);
    return /\.(ts|js)$/.test(e.name) ? [p] : [];
  });
}

describe('nock in the test suite (test/helpers/nock.ts)', () => {
  it('when a test file uses nock, then it takes it from the helper that undoes its patch of http when the file ends', () => {
    const direct = testSources(path.join(root, 'test'))
      .filter((f) => f !== path.join(root, 'test/helpers/nock.ts') && f !== __filename)
      .filter((f) => /from 'nock'|require\('nock'\)/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    expect(direct).toEqual([]);
  });

  it("when the helper's file has ended, then Node's http is Node's own again", async () => {
    // the helper is loaded in a registry of its own and its afterAll run as jest runs it at a file's end
    const own = http.ClientRequest;
    let patched: unknown;
    let afterAllHook: (() => void) | undefined;
    await jest.isolateModulesAsync(async () => {
      const realAfterAll = global.afterAll;
      global.afterAll = ((fn: () => void) => {
        afterAllHook = fn;
      }) as typeof afterAll;
      try {
        const nock = (await import('../helpers/nock')).default;
        nock.disableNetConnect();
        patched = http.ClientRequest;
      } finally {
        global.afterAll = realAfterAll;
      }
    });
    expect(patched).not.toBe(own);
    afterAllHook!();
    expect(http.ClientRequest).toBe(own);
  });
});
