import { loadConfig } from '../gateway-config';
import { terminate } from '../terminate';
import { runInProcess } from './in-process';
import { round } from './stats';
import { table } from './report';

/**
 * npm run bench:policies -- [transfer|account] [--rounds=3] [--requests=20000]: what each policy
 * costs, measured in-process (no load generator, no other target sharing the CPU): the gateway
 * with every policy, without each one in turn, and with none, in interleaved rounds; a policy's
 * cost is the fastest round's CPU per request with it minus without it (on a shared machine noise
 * only ever adds CPU, so the minimum of rounds is the estimate least disturbed by it).
 */
export interface PolicyCost {
  variant: string;
  chain: string[];
  cpuMicrosPerRequest: number;
  rounds: number[];
  /** Every policy's CPU minus this variant's: the removed policy's cost. */
  savedMicros?: number;
}

export function variantsOf(chain: string[]): Array<{ variant: string; chain: string[] }> {
  return [
    { variant: 'every policy', chain },
    ...chain.map((p) => ({ variant: `without ${p}`, chain: chain.filter((x) => x !== p) })),
    { variant: 'no policy', chain: [] },
  ];
}

export async function measurePolicyCosts(scenario: string, rounds: number, requests: number): Promise<PolicyCost[]> {
  const full = [...(loadConfig({ env: 'bench', environment: {} }).policies.chain as string[])];
  const variants = variantsOf(full);
  const samples = new Map<string, number[]>(variants.map((v) => [v.variant, []]));
  for (let r = 0; r < rounds; r++) {
    // alternate the order so a drift in machine load does not favour one variant
    for (const v of r % 2 ? [...variants].reverse() : variants) {
      const res = await runInProcess({ scenario, requests, concurrency: 16, profile: false, outDir: 'bench-results', chain: v.chain });
      samples.get(v.variant)!.push(round(res.cpuMicrosPerRequest, 1));
    }
  }
  const fastest = (xs: number[]) => Math.min(...xs);
  const all = fastest(samples.get('every policy')!);
  return variants.map((v) => {
    const cpu = fastest(samples.get(v.variant)!);
    return { ...v, cpuMicrosPerRequest: round(cpu, 1), rounds: samples.get(v.variant)!, savedMicros: v.variant === 'every policy' ? undefined : round(all - cpu, 1) };
  });
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const scenario = args.find((a) => !a.startsWith('--')) ?? 'transfer';
  const num = (name: string, def: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? def);
  measurePolicyCosts(scenario, num('rounds', 3), num('requests', 20_000)).then(
    (costs) => {
      console.log(`${scenario}: CPU µs per request in-process (fastest of rounds; the stub's share included)`);
      console.log(table(['variant', 'CPU µs/req', 'cost of the removed policy µs', 'rounds'], costs.map((c) => [c.variant, c.cpuMicrosPerRequest, c.savedMicros, c.rounds.join(' / ')])));
      console.log(JSON.stringify(costs));
      terminate(0);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      terminate(1);
    },
  );
}
