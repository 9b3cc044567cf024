import { isVar, programName, type ExampleProgram, type ProgramStep, type Template, type VarRef } from '../../model/example-programs';

/** What every program of a page starts from: where the gateway is and who calls it. */
export interface Caller {
  base: string;
  clientId: string;
  clientSecret: string;
}

export type Language = 'curl' | 'javascript' | 'python' | 'java';

/** camelCase -> words: idFacilito -> [id, facilito], trnRqUID -> [trn, rq, uid]. */
export const words = (camel: string): string[] =>
  camel
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(' ');
export const screamingSnake = (camel: string): string => words(camel).join('_').toUpperCase();
export const snake = (camel: string): string => words(camel).join('_');
export const pascal = (parts: string[]): string => parts.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

export function fileName(p: ExampleProgram, lang: Exclude<Language, 'curl'>): string {
  const parts = programName(p);
  if (lang === 'java') return `${pascal(parts)}.java`;
  return lang === 'python' ? `${parts.join('_')}.py` : `${parts.join('-')}.mjs`;
}

export const opLabel = (p: ExampleProgram): string => `${p.op.code ? `${p.op.code} ` : ''}${p.op.operationId}: ${p.title}`;

/** The comment over a step: numbered when the program sends more than one request. */
export function stepComment(p: ExampleProgram, s: ProgramStep): string | undefined {
  if (p.steps.length === 1) return undefined;
  return `${p.steps.indexOf(s) + 1}. ${s.note ?? ''}`;
}

export const FRESH_NOTE = 'values for this run: fresh ids make every run a new transaction (see "Fresh ids")';

/** The last key of a captured field: what the shell and Java read with a pattern. */
export const lastKey = (from: string[]): string => from[from.length - 1];

/** The JSON text of a body with each variable as a marker the caller replaces (markers never need escaping). */
export function jsonWithMarkers(t: Template): { text: string; marker: RegExp } {
  const text = JSON.stringify(t, (_k, v) => (isVar(v) ? `@@${v.$var}:${v.json}@@` : v), 2);
  return { text, marker: /"@@([A-Za-z0-9_$]+):(number|string)@@"/g };
}

export type { VarRef };
