import fs from 'node:fs';
import path from 'node:path';
import winston from 'winston';
import Transport from 'winston-transport';
import SonicBoom from 'sonic-boom';
import { MESSAGE } from 'triple-beam';
import { configure } from 'safe-stable-stringify';
import { mask, maskField } from './masking';
import { activeTraceId } from './tracing';

export type Logger = winston.Logger;

/**
 * Fields the gateway itself writes and that carry no personal data: left as they are so a
 * correlation id (an X-Invoker-TxId is mostly digits) can still be searched for.
 */
const OWN_FIELDS = new Set(['level', 'message', 'timestamp', 'correlationId', 'traceId', 'status', 'latencyMs', 'method', 'api', 'operation', 'errorCode']);

/**
 * The JSON text of a line: safe-stable-stringify (circular references and BigInt do not throw, as
 * with winston's json format), configured once and keeping the fields in the order they were
 * written. winston's json() configures a new stringifier and sorts every object's keys for each
 * line: ~4 KB of garbage per request in a heap profile of the benchmark.
 */
const stringify = configure({ deterministic: false });

/**
 * Every log entry goes through the masking rules, top-level fields included: nothing reaches a
 * transport unmasked. Then the timestamp and the JSON line, in the same pass.
 */
const lineFormat = winston.format((info) => {
  for (const key of Object.keys(info)) {
    if (OWN_FIELDS.has(key)) continue;
    (info as Record<string, unknown>)[key] = maskField(key, info[key]);
  }
  if (typeof info.message === 'string') info.message = mask(info.message) as string;
  info.timestamp ??= new Date().toISOString();
  // with tracing on, every line carries the trace it was written in
  if (info.traceId === undefined) {
    const traceId = activeTraceId();
    if (traceId) info.traceId = traceId;
  }
  (info as Record<string | symbol, unknown>)[MESSAGE] = stringify(info);
  return info;
});

/**
 * The log file: winston's transport API (winston-transport) over sonic-boom, the file writer pino
 * uses. A line is appended to sonic-boom's buffer and written at once when no write is in flight;
 * lines that arrive while one is in flight go out together in the next write. winston's own File
 * transport passes each line through a PassThrough into an fs.WriteStream: one stream hop more, and
 * one write (a libuv thread round trip) per line. The file is appended to, its folder created.
 */
export class LogFileTransport extends Transport {
  readonly dest: SonicBoom;
  /** Resolves once every line written before close() is on disk and the file is closed. */
  readonly flushed: Promise<void>;

  constructor(file: string) {
    super();
    this.dest = new SonicBoom({ dest: file, append: true, mkdir: true });
    this.flushed = new Promise((resolve) => {
      this.dest.once('close', () => resolve());
      this.once('finish', () => this.dest.end());
    });
    // winston re-emits a transport's error on the logger (createLogger reports it on stderr)
    this.dest.on('error', (e) => this.emit('error', e));
  }

  override log(info: Record<string | symbol, unknown>, callback: () => void): void {
    this.dest.write(`${info[MESSAGE] as string}\n`);
    callback();
  }
}

export interface LoggerOptions {
  level: string;
  file?: string;
  /** Extra transport (tests capture lines through it). */
  stream?: NodeJS.WritableStream;
}

/**
 * The log file's folder is created and checked at start-up, so a path the gateway cannot write
 * stops it before it serves anything (with the reason), not at its first request.
 */
function writableLogFile(file: string): string {
  const resolved = path.resolve(file);
  try {
    fs.mkdirSync(path.dirname(resolved), { recursive: true });
    fs.accessSync(path.dirname(resolved), fs.constants.W_OK);
  } catch (e) {
    throw new Error(`log.file ${file}: its folder cannot be created or written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return resolved;
}

export function createLogger(opts: LoggerOptions, report: (message: string) => void = (m) => process.stderr.write(`${m}\n`)): Logger {
  const transports: winston.transport[] = [];
  if (opts.stream) transports.push(new winston.transports.Stream({ stream: opts.stream }));
  else if (opts.file) transports.push(new LogFileTransport(writableLogFile(opts.file)));
  else transports.push(new winston.transports.Console());
  const logger = winston.createLogger({
    level: opts.level === 'silent' ? 'error' : opts.level,
    silent: opts.level === 'silent',
    format: lineFormat(),
    transports,
  });
  // A transport that fails while serving (disk full, file removed with its folder) must not take
  // the gateway down: winston re-emits its error on the logger, where an unheard 'error' event
  // would end the process. It is reported on stderr, at most once a minute.
  let reportedAt = -Infinity;
  logger.on('error', (e: Error) => {
    const now = performance.now();
    if (now - reportedAt < 60_000) return;
    reportedAt = now;
    report(`gateway log transport failed, log lines are being lost: ${e.message}`);
  });
  return logger;
}

/** Reopens the log file under its name (after logrotate has moved it: the gateway reopens on SIGHUP). */
export function reopenLogFiles(logger: Logger): void {
  for (const t of logger.transports) if (t instanceof LogFileTransport) t.dest.reopen();
}

/**
 * Ends the logger and waits until its log file holds every line written before, then closes the
 * file: the last step of a shutdown, so the lines of the requests that drained are not lost to
 * process exit. Gives up after timeoutMs (a stuck disk must not hold the exit forever).
 */
export async function closeLogger(logger: Logger, timeoutMs = 5000): Promise<void> {
  const files = logger.transports.filter((t): t is LogFileTransport => t instanceof LogFileTransport);
  logger.end();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(files.map((f) => f.flushed)),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    }),
  ]);
  clearTimeout(timer);
}
