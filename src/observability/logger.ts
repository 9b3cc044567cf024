import fs from 'node:fs';
import path from 'node:path';
import winston from 'winston';
import { mask } from './masking';

export type Logger = winston.Logger;

/** Every log entry goes through mask(): nothing reaches a transport unmasked. */
const maskFormat = winston.format((info) => {
  for (const key of Object.keys(info)) {
    if (key === 'level' || key === 'message' || key === 'timestamp') continue;
    (info as Record<string, unknown>)[key] = mask(info[key]);
  }
  if (typeof info.message === 'string') info.message = mask(info.message) as string;
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
    format: winston.format.combine(maskFormat(), winston.format.timestamp(), winston.format.json()),
    transports,
  });
}
