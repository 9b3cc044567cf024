import type { DocApi } from '../model/contract-model';
import type { Flow, SequenceMessage, SequenceNote } from '../model/flows';
import { slug } from '../render/html';

/**
 * A flow's sequence as Mermaid text, the input of the SVG renderer. Messages that call the API
 * start with the operation's catalog code (F2, T8...), read from the contract.
 */
export const diagramKey = (api: string, flow: Flow): string => `${api}/${slug(flow.title)}`;

const isNote = (m: SequenceMessage | SequenceNote): m is SequenceNote => 'note' in m;

export function sequenceSource(api: DocApi, flow: Flow): string {
  const seq = flow.sequence!;
  const lines = ['sequenceDiagram', ...seq.actors.map(([id, label]) => `  participant ${id} as ${label}`)];
  for (const m of seq.messages) {
    if (isNote(m)) {
      lines.push(`  Note over ${m.over.join(',')}: ${m.note}`);
      continue;
    }
    const op = m.op ? api.operations.find((o) => o.operationId === m.op) : undefined;
    if (m.op && !op) throw new Error(`${flow.title}: ${m.op} is not an operation of ${api.name}`);
    const arrow = m.async ? '-)' : m.reply ? '-->>' : '->>';
    lines.push(`  ${m.from}${arrow}${m.to}: ${op?.code ? `${op.code} ` : ''}${m.text}`);
  }
  return `${lines.join('\n')}\n`;
}
