import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeLogger, createLogger, LogFileTransport, reopenLogFiles } from '../../../src/observability/logger';

describe('the log file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-log-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const lines = (file: string) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  it('when lines are written in a burst and the logger is closed, then the file has every one, in order, masked, in a folder it created', async () => {
    const file = path.join(dir, 'nested', 'gateway.log');
    const logger = createLogger({ level: 'info', file });
    expect(logger.transports[0]).toBeInstanceOf(LogFileTransport);
    for (let i = 0; i < 5000; i++) logger.info('request', { correlationId: `c-${i}`, status: 200, path: '/facilito/v1/customers/1234567890/account' });
    logger.debug('not at this level');
    await closeLogger(logger);
    const got = lines(file);
    expect(got).toHaveLength(5000);
    expect(got.map((l) => l.correlationId)).toEqual(Array.from({ length: 5000 }, (_, i) => `c-${i}`));
    expect(got[0]).toMatchObject({ level: 'info', message: 'request', status: 200, path: '/facilito/v1/customers/******7890/account' });
    expect(typeof got[0].timestamp).toBe('string');
  });

  it('when the gateway starts again, then it appends to the same file', async () => {
    const file = path.join(dir, 'gateway.log');
    const first = createLogger({ level: 'info', file });
    first.info('first run');
    await closeLogger(first);
    const second = createLogger({ level: 'info', file });
    second.info('second run');
    await closeLogger(second);
    expect(lines(file).map((l) => l.message)).toEqual(['first run', 'second run']);
  });

  it('when the log file folder cannot be created, then the logger refuses to start and names the path', () => {
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    expect(() => createLogger({ level: 'info', file: path.join(blocker, 'gateway.log') })).toThrow(/log\.file .*not-a-folder.*cannot be created or written \((ENOTDIR|EEXIST)\)/);
  });

  it('when the file fails while serving, then the gateway keeps running and says so on stderr once, not per line', async () => {
    const reports: string[] = [];
    const logger = createLogger({ level: 'info', file: path.join(dir, 'gateway.log') }, (m) => reports.push(m));
    const { dest } = logger.transports[0] as LogFileTransport;
    dest.emit('error', Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    dest.emit('error', Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    expect(() => logger.info('still serving')).not.toThrow();
    expect(reports).toEqual(['gateway log transport failed, log lines are being lost: ENOSPC: no space left on device, write']);
    await closeLogger(logger);
  });
});

describe('log rotation', () => {
  it('when the file is moved away and the logger reopens it, then the lines before are in the moved file and the lines after in a new one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-log-'));
    try {
      const file = path.join(dir, 'gateway.log');
      const logger = createLogger({ level: 'info', file });
      logger.info('before rotation');
      // the line is on disk before the file is moved (sonic-boom's flush waits for the open and the write)
      const { dest } = logger.transports[0] as LogFileTransport;
      await new Promise<void>((resolve, reject) => dest.flush((e) => (e ? reject(e) : resolve())));
      fs.renameSync(file, `${file}.1`);
      reopenLogFiles(logger);
      logger.info('after rotation');
      await closeLogger(logger);
      expect(fs.readFileSync(`${file}.1`, 'utf8')).toContain('before rotation');
      expect(fs.readFileSync(`${file}.1`, 'utf8')).not.toContain('after rotation');
      expect(fs.readFileSync(file, 'utf8')).toContain('after rotation');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
