import type { ExampleProgram } from '../model/example-programs';
import type { Caller, Language } from '../render/code/common';
import { shellLines } from '../render/code/shell';
import { javascriptProgram } from '../render/code/javascript';
import { pythonProgram } from '../render/code/python';
import { javaProgram } from '../render/code/java';
import { codeBlock } from '../render/html';

/**
 * One example in every language, as tabs. curl shows first (it is what the getting-started lines
 * set up); the page's script switches every example of the page to the language picked.
 */
export const LANGUAGES: Array<{ id: Language; label: string }> = [
  { id: 'curl', label: 'curl' },
  { id: 'javascript', label: 'JavaScript' },
  { id: 'python', label: 'Python' },
  { id: 'java', label: 'Java' },
];

export function programText(p: ExampleProgram, lang: Language, caller: Caller): string {
  if (lang === 'curl') return shellLines(p).join('\n');
  if (lang === 'javascript') return javascriptProgram(p, caller);
  return lang === 'python' ? pythonProgram(p, caller) : javaProgram(p, caller);
}

export function exampleTabs(p: ExampleProgram, caller: Caller): string {
  const kind = p.runnable ? 'example' : 'illustration';
  const tabs = LANGUAGES.map((l) => `<button type="button" role="tab" class="tab" data-lang="${l.id}" aria-selected="${l.id === 'curl'}">${l.label}</button>`).join('');
  const blocks = LANGUAGES.map((l) =>
    l.id === 'curl'
      ? codeBlock(programText(p, l.id, caller), kind, p.id, { lang: l.id })
      : codeBlock(programText(p, l.id, caller), `${kind}-${l.id}`, `${p.id}-${l.id}`, { lang: l.id, hidden: true }),
  );
  return `<div class="example-tabs"><div class="tabs" role="tablist" aria-label="Language">${tabs}</div>${blocks.join('')}</div>`;
}
