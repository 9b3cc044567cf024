import type { NextFunction, Request, Response } from 'express';

import { FAULT_KINDS, type FaultKind } from '../gateway/sandbox-faults';

/**
 * Fault injection for QA and tests, in the spirit of MuleSoft's mocking-service headers.
 * A fault comes from the X-Sandbox-Fault header the gateway forwards, or from a queue filled by
 * POST /sandbox/faults. Syntax of one instruction: [backend:]fault[=arg], several separated by ",";
 * the kinds are listed in src/gateway/sandbox-faults.ts.
 */
export { FAULT_KINDS, type FaultKind };

export interface Fault {
  kind: FaultKind;
  arg?: number;
}

export interface QueuedFault extends Fault {
  backend: string;
  /** Only calls whose path contains this text. */
  pathContains?: string;
  remaining: number;
}

export function parseFaultHeader(header: string | undefined, backend: string): Fault | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const item = part.trim();
    const colon = item.indexOf(':');
    const target = colon >= 0 ? item.slice(0, colon).trim() : undefined;
    if (target && target !== backend) continue;
    const spec = colon >= 0 ? item.slice(colon + 1).trim() : item;
    const [kind, arg] = spec.split('=');
    if ((FAULT_KINDS as readonly string[]).includes(kind)) return { kind: kind as FaultKind, arg: arg ? Number(arg) : undefined };
  }
  return undefined;
}

export class FaultInjector {
  private readonly queue: QueuedFault[] = [];
  /** Sockets held open by 'timeout' faults, released at shutdown. */
  readonly held = new Set<Response>();
  /** Requests that reached a core (after faults that stop them); tests use it to prove fail-fast. */
  readonly hits: Array<{ backend: string; method: string; path: string; body: unknown }> = [];
  /** Every request as it arrives, before any fault (a test knows a delayed call is at the core). */
  readonly received: Array<{ backend: string; method: string; path: string; body: unknown }> = [];

  enqueue(f: QueuedFault): void {
    this.queue.push(f);
  }

  clear(): void {
    this.queue.length = 0;
  }

  pending(): QueuedFault[] {
    return this.queue.map((q) => ({ ...q }));
  }

  private take(backend: string, path: string): Fault | undefined {
    const i = this.queue.findIndex((q) => q.backend === backend && (!q.pathContains || path.includes(q.pathContains)));
    if (i < 0) return undefined;
    const q = this.queue[i];
    q.remaining -= 1;
    if (q.remaining <= 0) this.queue.splice(i, 1);
    return { kind: q.kind, arg: q.arg };
  }

  /** Express middleware placed in front of one simulated core. */
  middleware(backend: string) {
    return async (req: Request, res: Response, next: NextFunction) => {
      this.received.push({ backend, method: req.method, path: req.path, body: req.body });
      const fault = parseFaultHeader(req.get('x-sandbox-fault'), backend) ?? this.take(backend, req.path);
      if (!fault) {
        this.hits.push({ backend, method: req.method, path: req.path, body: req.body });
        return next();
      }
      switch (fault.kind) {
        case 'delay':
          // unref: a pending delay never keeps a process alive once the sandbox is closed
          await new Promise((r) => setTimeout(r, fault.arg ?? 1000).unref());
          this.hits.push({ backend, method: req.method, path: req.path, body: req.body });
          return next();
        case 'timeout':
          this.held.add(res);
          res.once('close', () => this.held.delete(res));
          return;
        case 'error-500':
          return void res.status(500).json({ errorCode: '99999', errorType: 'SIM', errorDesc: 'FALLA SIMULADA DEL CORE' });
        case 'html':
          return void res.status(502).type('html').send('<html><body><h1>502 Bad Gateway</h1><p>core-node-17.bank.internal</p></body></html>');
        case 'garbage':
          return void res.status(200).type('text/plain').send('%%% not json %%%');
        case 'reset':
          return void req.socket.destroy();
        case 'drop-reply': {
          // let the core apply the change, then lose the answer
          this.hits.push({ backend, method: req.method, path: req.path, body: req.body });
          const destroy = () => {
            req.socket.destroy();
            return res;
          };
          res.json = destroy as unknown as Response['json'];
          res.send = destroy as unknown as Response['send'];
          return next();
        }
      }
    };
  }
}
