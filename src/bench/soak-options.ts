/** npm run bench:soak -- --scenario=account --rate=250 --minutes=4 [--sample=10] [--heap-snapshots] [--env=NAME=value] */
export interface SoakOptions {
  scenario: 'transfer' | 'account';
  rate: number;
  minutes: number;
  sampleSec: number;
  warmupSec: number;
  sockets: number;
  heapSnapshots: boolean;
  outDir: string;
  gatewayNodeOptions?: string;
  /** Settings for the gateway (repeatable): --env=GATEWAY_IDEMPOTENCY_MAX_ENTRIES=1000 */
  env: Record<string, string>;
}

export function parseSoakOptions(argv: string[]): SoakOptions {
  const o: SoakOptions = { scenario: 'account', rate: 250, minutes: 4, sampleSec: 10, warmupSec: 10, sockets: 50, heapSnapshots: false, outDir: 'bench-results', env: {} };
  for (const arg of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unknown argument ${arg}`);
    const [, key, value] = m;
    const num = Number(value);
    const positive = value !== undefined && Number.isFinite(num) && num > 0;
    if (key === 'scenario' && (value === 'transfer' || value === 'account')) o.scenario = value;
    else if (key === 'rate' && positive && Number.isInteger(num)) o.rate = num;
    else if (key === 'minutes' && positive) o.minutes = num;
    else if (key === 'sample' && positive) o.sampleSec = num;
    else if (key === 'warmup' && value !== undefined && Number.isFinite(num) && num >= 0) o.warmupSec = num;
    else if (key === 'sockets' && positive && Number.isInteger(num)) o.sockets = num;
    else if (key === 'heap-snapshots' && value === undefined) o.heapSnapshots = true;
    else if (key === 'out' && value) o.outDir = value;
    else if (key === 'gateway-node-options' && value !== undefined) o.gatewayNodeOptions = value;
    else if (key === 'env' && value && /^[A-Z][A-Z0-9_]*=/.test(value)) {
      const i = value.indexOf('=');
      o.env[value.slice(0, i)] = value.slice(i + 1);
    } else throw new Error(`unknown or invalid option ${arg}`);
  }
  return o;
}
