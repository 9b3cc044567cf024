import nock from 'nock';

/**
 * nock, for a test file, undone when the file ends. Every test file that uses nock imports it from
 * here, not from 'nock'.
 *
 * nock (through @mswjs/interceptors) patches Node's own http module, and a jest worker's test
 * files share Node's core modules: only their own modules are loaded again per file. Left
 * patched, each file's interceptor stayed wrapped around the next file's, and through it that
 * file's whole module registry (the app, its dependencies, the suites' closures) stayed alive:
 * a worker's live heap grew by ~20 MB a file, to ~600-750 MB at the end of test/component, and
 * freeing that much took a worker past jest's 500 ms to exit, hence "A worker process has failed
 * to exit gracefully". test/unit/nock-per-file.test.ts keeps this so.
 */
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
  nock.restore();
});

export default nock;
