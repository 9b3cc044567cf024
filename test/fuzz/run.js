#!/usr/bin/env node
/**
 * npm run fuzz -- [--runs=20000] [--seed=N] [--op=createTransfer]
 * The contract fuzz test with more runs per operation than npm test gives it (before a release).
 * A failure prints the seed and the path fast-check shrank it to: rerun with --seed to replay.
 */
const { spawnSync } = require('node:child_process');

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const m = /^--([a-z]+)=(.*)$/.exec(a);
    if (!m) {
      console.error(`unknown argument ${a}: use --runs=N, --seed=N, --op=operationId`);
      process.exit(2);
    }
    return [m[1], m[2]];
  }),
);
const env = { ...process.env, FUZZ_RUNS: args.runs ?? '20000', FUZZ_SEED: args.seed ?? String(Date.now() % 2 ** 31) };
console.log(`fuzzing with ${env.FUZZ_RUNS} runs per operation, seed ${env.FUZZ_SEED}`);
const jestArgs = ['jest', 'test/fuzz', '--runInBand', '--testTimeout=86400000'];
if (args.op) jestArgs.push('-t', args.op);
const res = spawnSync('npx', jestArgs, { stdio: 'inherit', env });
process.exit(res.status ?? 1);
