/** The bench's command line: `npm run bench -- --duration=15 --rounds=5`, `npm run bench:smoke`. */
export interface BenchOptions {
  smoke: boolean;
  connections: number;
  durationSec: number;
  warmupSec: number;
  rounds: number;
  rate: number;
  fixedDurationSec: number;
  fixedWarmupSec: number;
  fixedRounds: number;
  scenarios: string[];
  /** Targets besides the stub: baseline, gateway, and the opt-in floor (the libraries of record alone, library-floor.ts). */
  targets: string[];
  /**
   * The gateway's stores, each a target of the same run: memory (target "gateway") and redis
   * (target "gateway-redis": idempotency and rate limits on a redis-server the bench starts).
   */
  stores: Array<'memory' | 'redis'>;
  /**
   * With the redis store: the Redis-backed gateway runs as this many replicas sharing the
   * redis-server and a signing key, the load spread over them round robin (target
   * "gateway-redis-xN"): more than one event loop, as a fleet runs.
   */
  replicas: number;
  saturation: boolean;
  fixed: boolean;
  /** Fresh gateway and baseline processes for the fixed-rate mode (default) or the same ones. */
  restart: boolean;
  /** CPU-profile the gateway's first measured round of each scenario into <outDir>/profiles (V8 inspector, start-up excluded). */
  profile: boolean;
  /** Sampling heap profile of the same window instead (what allocates, for GC pressure). */
  allocProfile: boolean | 'live' | 'promoted';
  /** Ablation: run the gateway with only these policies (default: config/bench.json's full chain). */
  policies?: string[];
  outDir: string;
  /** Node/V8 flags for the gateway processes only (e.g. --max-semi-space-size=8 --trace-gc), to weigh their effect. */
  gatewayNodeOptions?: string;
  /** A/B: another built checkout whose gateway runs as target "gateway-ref", interleaved with this one. */
  ref?: string;
  /** Node/V8 flags for gateway-ref instead of --gateway-node-options (A/B of a flag: --ref=. with other flags). */
  refNodeOptions?: string;
  /** Environment for gateway-ref only (A/B of a setting: --ref=. --ref-env=GATEWAY_IDEMPOTENCY_MAX_ENTRIES=1000). */
  refEnv?: Record<string, string>;
}

const DEFAULTS: BenchOptions = {
  smoke: false,
  connections: 50,
  durationSec: 8,
  warmupSec: 3,
  rounds: 3,
  rate: 1000,
  fixedDurationSec: 5,
  fixedWarmupSec: 3,
  fixedRounds: 3,
  scenarios: ['transfer', 'account'],
  targets: ['baseline', 'gateway'],
  stores: ['memory'],
  replicas: 1,
  saturation: true,
  fixed: true,
  restart: true,
  profile: false,
  allocProfile: false,
  outDir: 'bench-results',
};

const SMOKE: Partial<BenchOptions> = { durationSec: 1, warmupSec: 0.5, rounds: 1, fixedDurationSec: 1, fixedWarmupSec: 0.5, fixedRounds: 1 };

export function parseOptions(argv: string[]): BenchOptions {
  const opts: BenchOptions = { ...DEFAULTS, smoke: argv.includes('--smoke') };
  if (opts.smoke) Object.assign(opts, SMOKE);
  for (const arg of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unknown argument ${arg}`);
    const [, name, value] = m;
    const num = () => {
      const n = Number(value);
      if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number`);
      return n;
    };
    const list = () => (value ?? '').split(',').filter(Boolean);
    switch (name) {
      case 'smoke':
        break;
      case 'connections': opts.connections = num(); break;
      case 'duration': opts.durationSec = num(); break;
      case 'warmup': opts.warmupSec = num(); break;
      case 'rounds': opts.rounds = num(); break;
      case 'rate': opts.rate = num(); break;
      case 'fixed-duration': opts.fixedDurationSec = num(); break;
      case 'fixed-warmup': opts.fixedWarmupSec = num(); break;
      case 'fixed-rounds': opts.fixedRounds = num(); break;
      case 'scenarios': opts.scenarios = list(); break;
      case 'targets': opts.targets = list(); break;
      case 'stores': {
        const stores = list();
        const bad = stores.filter((x) => x !== 'memory' && x !== 'redis');
        if (!stores.length || bad.length) throw new Error(`--stores takes memory and/or redis${bad.length ? `, not ${bad.join(', ')}` : ''}`);
        opts.stores = [...new Set(stores)] as BenchOptions['stores'];
        break;
      }
      case 'replicas': opts.replicas = num(); break;
      case 'no-fixed': opts.fixed = false; break;
      case 'no-saturation': opts.saturation = false; break;
      case 'no-restart': opts.restart = false; break;
      case 'profile': opts.profile = true; break;
      case 'alloc-profile': opts.allocProfile = value === 'live' || value === 'promoted' ? value : true; break;
      case 'policies': opts.policies = list(); break;
      case 'out': opts.outDir = value ?? opts.outDir; break;
      case 'ref': opts.ref = value; break;
      case 'gateway-node-options': opts.gatewayNodeOptions = value; break;
      case 'ref-node-options': opts.refNodeOptions = value ?? ''; break;
      case 'ref-env': {
        const eq = (value ?? '').indexOf('=');
        if (eq <= 0) throw new Error('--ref-env needs NAME=value');
        opts.refEnv = { ...opts.refEnv, [value!.slice(0, eq)]: value!.slice(eq + 1) };
        break;
      }
      default:
        throw new Error(`unknown option --${name}`);
    }
  }
  if (!Number.isInteger(opts.replicas) || opts.replicas < 1) throw new Error('--replicas takes a whole number from 1');
  if (opts.replicas > 1 && !opts.stores.includes('redis')) throw new Error('--replicas needs --stores=...,redis: replicas share their stores on Redis');
  return opts;
}
