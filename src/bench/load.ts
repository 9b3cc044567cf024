import http from 'node:http';
import autocannon from 'autocannon';

export interface LoadRequest {
  port: number;
  /** Replicas of one target: the load goes to each in turn (round robin); port is the first. */
  ports?: number[];
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  /** A new body per request (seq is global to the bench run, so references never repeat). */
  body?: () => string;
}

export interface LoadResult {
  /** Latency of every 2xx answer, in milliseconds with sub-millisecond precision. */
  latenciesMs: number[];
  /** Fixed rate only: when each of those requests left, wall-clock ms (performance.timeOrigin + now), in the same order. */
  sentAtMs?: number[];
  /** Fixed rate over replicas: which of req.ports answered each of those requests. */
  replicaOf?: number[];
  ok: number;
  /** Non-2xx answers, socket errors and timeouts. */
  failed: number;
  failures: Record<string, number>;
  elapsedSec: number;
}

const fail = (r: LoadResult, why: string) => {
  r.failed++;
  r.failures[why] = (r.failures[why] ?? 0) + 1;
};

/**
 * Closed-loop saturation with autocannon: `connections` keep-alive connections, each sending its
 * next request as soon as the previous answer arrives. Latencies come from autocannon's response
 * event (its own histogram keeps whole milliseconds only).
 */
export function saturate(req: LoadRequest, connections: number, durationSec: number): Promise<LoadResult> {
  const result: LoadResult = { latenciesMs: [], ok: 0, failed: 0, failures: {}, elapsedSec: 0 };
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        // several URLs: autocannon spreads the connections over them
        url: (req.ports ?? [req.port]).map((p) => `http://127.0.0.1:${p}`) as unknown as string,
        connections,
        duration: durationSec,
        timeout: 10,
        requests: [
          {
            method: req.method,
            path: req.path,
            headers: req.body ? { ...req.headers, 'content-type': 'application/json' } : req.headers,
            // autocannon calls setupRequest whenever the key is present
            ...(req.body ? { setupRequest: (r: autocannon.Request) => ({ ...r, body: req.body!() }) } : {}),
          },
        ],
      },
      (err, res) => {
        if (err) return reject(err);
        result.elapsedSec = Number(process.hrtime.bigint() - started) / 1e9;
        for (let i = 0; i < res.errors; i++) fail(result, 'socket error');
        for (let i = 0; i < res.timeouts; i++) fail(result, 'timeout');
        resolve(result);
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) {
        result.ok++;
        result.latenciesMs.push(responseTime);
      } else fail(result, `HTTP ${statusCode}`);
    });
  });
}

/**
 * Open-loop fixed rate: requests leave on a schedule (rate per second) whether or not earlier ones
 * have answered, over at most `sockets` keep-alive connections; latency runs from the moment a
 * request is issued (including any wait for a free socket) to the last byte of its answer.
 * autocannon's own rate limit sends each second's quota in a burst, which measures queueing, not
 * the added latency asked for here.
 */
export function paced(req: LoadRequest, rate: number, durationSec: number, sockets: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const result: LoadResult = { latenciesMs: [], sentAtMs: [], replicaOf: [], ok: 0, failed: 0, failures: {}, elapsedSec: 0 };
  const ports = req.ports ?? [req.port];
  const start = process.hrtime.bigint();
  let sent = 0;
  let inFlight = 0;
  let finishedSending = false;
  return new Promise((resolve) => {
    const settle = () => {
      if (finishedSending && inFlight === 0) {
        result.elapsedSec = Number(process.hrtime.bigint() - start) / 1e9;
        agent.destroy();
        resolve(result);
      }
    };
    const fire = (replica: number) => {
      const body = req.body?.();
      const headers = body === undefined ? req.headers : { ...req.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
      const t0 = process.hrtime.bigint();
      const at = performance.timeOrigin + performance.now();
      inFlight++;
      const r = http.request({ agent, host: '127.0.0.1', port: ports[replica], method: req.method, path: req.path, headers }, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          if (res.statusCode! >= 200 && res.statusCode! < 300) {
            result.ok++;
            result.latenciesMs.push(ms);
            result.sentAtMs!.push(at);
            result.replicaOf!.push(replica);
          } else fail(result, `HTTP ${res.statusCode}`);
          inFlight--;
          settle();
        });
      });
      r.setTimeout(10_000, () => r.destroy(new Error('timeout')));
      r.on('error', (e) => {
        fail(result, e.message === 'timeout' ? 'timeout' : 'socket error');
        inFlight--;
        settle();
      });
      r.end(body);
    };
    const tick = () => {
      const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
      const due = Math.min(Math.floor(Math.min(elapsed, durationSec) * rate), Math.round(durationSec * rate));
      while (sent < due) {
        fire(sent % ports.length);
        sent++;
      }
      if (elapsed < durationSec) setTimeout(tick, 1);
      else {
        finishedSending = true;
        settle();
      }
    };
    tick();
  });
}
