import fs from 'node:fs';
import path from 'node:path';
import winston from 'winston';
import { MESSAGE } from 'triple-beam';
import { configure } from 'safe-stable-stringify';
import { mask, maskField } from './masking';

export type Logger = winston.Logger;

/**
 * Fields the gateway itself writes and that carry no personal data: left as they are so a
 * correlation id (an X-Invoker-TxId is mostly digits) can still be searched for.
 */
const OWN_FIELDS = new Set(['level', 'message', 'timestamp', 'correlationId', 'status', 'latencyMs', 'method', 'api', 'operation', 'errorCode']);

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
  (info as Record<string | symbol, unknown>)[MESSAGE] = stringify(info);
  return info;
});

export interface LoggerOptions {
  level: string;
  file?: string;
  /** Extra transport (tests capture lines through it). */
  stream?: NodeJS.WritableStream;
}

export function createLogger(opts: LoggerOptions): Logger {
  const transports: winston.transport[] = [];
  if (opts.stream) transports.push(new winston.transports.Stream({ stream: opts.stream }));
  else if (opts.file) {
    fs.mkdirSync(path.dirname(path.resolve(opts.file)), { recursive: true });
    transports.push(new winston.transports.File({ filename: opts.file }));
  } else transports.push(new winston.transports.Console());
  return winston.createLogger({
    level: opts.level === 'silent' ? 'error' : opts.level,
    silent: opts.level === 'silent',
    format: lineFormat(),
    transports,
  });
}
