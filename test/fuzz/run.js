#!/usr/bin/env node
/**
 * npm run fuzz -- [--runs=20000] [--seed=N] [--op=createTransfer]
 * The contract fuzz test with more runs per operation than npm test gives it (before a release).
 * A failure prints the seed and the path fast-check shrank it to: rerun with --seed to replay.
 */
const { spawnSync } = require('node:child_process');

function main(argv) {
  const args = {};
  for (const a of argv) {
    const m = /^--([a-z]+)=(.*)$/.exec(a);
    if (!m) {
      console.error(`unknown argument ${a}: use --runs=N, --seed=N, --op=operationId`);
      return 2;
    }
    args[m[1]] = m[2];
  }
  const env = { ...process.env, FUZZ_RUNS: args.runs ?? '20000', FUZZ_SEED: args.seed ?? String(Date.now() % 2 ** 31) };
  console.log(`fuzzing with ${env.FUZZ_RUNS} runs per operation, seed ${env.FUZZ_SEED}`);
  const jestArgs = ['jest', 'test/fuzz', '--runInBand', '--testTimeout=86400000'];
  if (args.op) jestArgs.push('-t', args.op);
  return spawnSync('npx', jestArgs, { stdio: 'inherit', env }).status ?? 1;
}

process.exitCode = main(process.argv.slice(2));
