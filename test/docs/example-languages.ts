import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { codeBlocks, statusesByBlock } from './portal-helpers';

/**
 * Support for the tests that run the portal's JavaScript, Python and Java examples as a partner
 * would: copied from the page, saved under the file name the page gives, run as they are (their
 * default BASE is the address the page was read from). A missing tool fails the test.
 */
export type Lang = 'javascript' | 'python' | 'java';
export interface Example {
  id: string;
  file: string;
  text: string;
}

const run = promisify(execFile);

/** The examples of one language on a page, in page order, with the file name each one's comment gives. */
export async function pageExamples(base: string, api: string, lang: Lang): Promise<Example[]> {
  const html = (await request(base).get(`/docs/${api}`)).text;
  return codeBlocks(html)
    .filter((b) => b.kind === `example-${lang}`)
    .map((b) => {
      const file = /save as (\S+) and run/.exec(b.text)?.[1];
      if (!file) throw new Error(`${b.id}: no "save as <file>" in its first lines`);
      return { id: b.id!.replace(new RegExp(`-${lang}$`), ''), file, text: b.text };
    });
}

export function workDir(lang: Lang): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `portal-${lang}-`));
}

/** Each example twice in a row, in page order: the marker lines statusesByBlock reads. */
export const twice = (examples: Example[]) => examples.flatMap((e) => [1, 2].map((n) => ({ ...e, run: `${e.id} run ${n}` })));

export function failures(out: string, expected: string[]): Array<[string, number | undefined]> {
  const statuses = statusesByBlock(out);
  const missing = expected.filter((id) => !statuses.has(id)).map((id): [string, undefined] => [id, undefined]);
  return [...missing, ...[...statuses].filter(([, s]) => s === undefined || s < 200 || s > 299)];
}

/**
 * The python3 the tests use: the first of $PYTHON, python3 on PATH and Debian's /usr/bin/python3
 * that imports requests (.ci/run installs Debian's python3-requests).
 */
export function pythonWithRequests(): string {
  const tried: string[] = [];
  for (const candidate of [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string => Boolean(c))) {
    try {
      execFileSync(candidate, ['-c', 'import requests'], { stdio: 'pipe' });
      return candidate;
    } catch (e) {
      tried.push(`${candidate}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  throw new Error(`no python3 with requests (install Debian's python3-requests, as .ci/run does). Tried: ${tried.join('; ')}`);
}

export function requireTool(cmd: string, args: string[], hint: string): void {
  try {
    execFileSync(cmd, args, { stdio: 'pipe' });
  } catch (e) {
    throw new Error(`${cmd} is needed to run the portal's examples (${hint}): ${(e as Error).message.split('\n')[0]}`);
  }
}

export async function exec(cmd: string, args: string[], cwd: string, timeout = 120_000): Promise<string> {
  try {
    const { stdout, stderr } = await run(cmd, args, { cwd, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
    return stdout + stderr;
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.slice(0, 3).join(' ')} failed: ${x.message}\n${x.stdout ?? ''}\n${x.stderr ?? ''}`);
  }
}
