/**
 * The tests' jest environment: Node's, plus a full garbage collection when a test file ends.
 *
 * A jest worker runs many test files, each in a module registry of its own, and V8 lets a worker
 * heap grow far past what it keeps alive: at the end of test/component a worker held ~900 MB of
 * RSS around ~150-200 MB of live objects. Node frees all of it before the process exits, which
 * took a worker 430-490 ms after jest told it to stop (measured from outside, two runs), past
 * jest's 500 ms: "A worker process has failed to exit gracefully". Collected after each file, a
 * worker ends at its live size and exits at once; the leaks that made that live size grow file
 * after file are closed where they were (test/helpers/nock.ts, the rate-limit policy's close).
 */
const v8 = require('node:v8');
const vm = require('node:vm');
const { TestEnvironment } = require('jest-environment-node');

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc');
v8.setFlagsFromString('--no-expose-gc'); // the test files' own globals stay as Node's

class GatewayTestEnvironment extends TestEnvironment {
  async teardown() {
    await super.teardown();
    collectGarbage();
  }
}

module.exports = GatewayTestEnvironment;
