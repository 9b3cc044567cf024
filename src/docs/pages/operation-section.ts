import type { DocOperation, DocParam } from '../model/contract-model';
import { successStatuses } from '../model/contract-model';
import { exampleParams } from '../model/example-params';
import { idempotencyFacts } from '../model/money-rules';
import { PROFILES } from '../../policies/x-invoker-headers/profiles';
import type { ExampleProgram } from '../model/example-programs';
import type { Caller } from '../render/code/common';
import { exampleTabs } from './example-tabs';
import { code, codeBlock, esc, inlineMarkdown, markdown, methodBadge, table } from '../render/html';

/** One operation: what it does, what makes it safe to repeat, its parameters, examples as curl, its answers. */

export const opAnchor = (op: DocOperation): string => `op-${op.operationId}`;

export function formatOf(schema: any): string {
  const parts: string[] = [];
  if (Array.isArray(schema.enum)) parts.push(`one of ${schema.enum.map((v: unknown) => code(v)).join(', ')}`);
  else if (schema.type) parts.push(esc(schema.format ? `${schema.type} (${schema.format})` : schema.type));
  if (schema.pattern) parts.push(`pattern ${code(schema.pattern)}`);
  if (schema.minLength !== undefined || schema.maxLength !== undefined) parts.push(`length ${schema.minLength ?? 0}-${schema.maxLength ?? '∞'}`);
  if (schema.minimum !== undefined || schema.maximum !== undefined) parts.push(`${schema.minimum ?? ''}..${schema.maximum ?? ''}`);
  if (schema.default !== undefined) parts.push(`default ${code(schema.default)}`);
  return parts.join(', ');
}

export function factsOf(op: DocOperation): string[] {
  const facts: string[] = [];
  const money = idempotencyFacts(op);
  if (money.moneyMoving) facts.push('<li class="money">Moves money or changes state: never retried by the gateway; a timeout is 504 GW-504-02</li>');
  if (money.keyFields.length) facts.push(`<li class="money">Idempotent by ${money.keyFields.map(code).join(' + ')}</li>`);
  else if (money.headerOnly) facts.push(`<li class="money">Idempotent by the ${code('Idempotency-Key')} header: send one</li>`);
  if (op.route?.invokerProfile) facts.push(`<li>X-Invoker profile: ${esc(PROFILES[op.route.invokerProfile].label)}</li>`);
  facts.push(`<li>Success: ${successStatuses(op).join(' / ')}</li>`);
  return facts;
}

function paramsTable(params: DocParam[], values: Map<string, string>): string {
  const rows = params
    .filter((p) => p.in !== 'header')
    .map((p) => [code(p.name), esc(p.in), p.required ? 'yes' : 'no', formatOf(p.schema), inlineMarkdown(p.description ?? ''), values.has(p.name) ? code(values.get(p.name)) : '']);
  return rows.length ? `<h4>Parameters</h4>${table(['Name', 'In', 'Required', 'Format', 'Description', 'Sandbox example'], rows)}` : '';
}

function headersTable(op: DocOperation): string {
  const required = op.params.filter((p) => p.in === 'header' && p.required);
  const optional = op.params.filter((p) => p.in === 'header' && !p.required).length;
  const list = required.length
    ? table(['Required header', 'Format'], required.map((p) => [code(p.name), formatOf(p.schema)]))
    : '<p>No X-Invoker header is required here.</p>';
  return `<h4>Headers</h4><p>The three security headers (<code>client_id</code>, <code>client_secret</code>, <code>Authorization</code>)${optional ? `, and ${optional} optional X-Invoker headers (well formed when sent)` : ''}: see <a href="#invoker">X-Invoker headers</a>.</p>${list}`;
}

function responsesTable(op: DocOperation): string {
  const rows = op.responses.map((r) => [
    `<strong>${r.status}</strong>`,
    inlineMarkdown(r.description || (r.status < 300 ? 'Success.' : '')),
    r.schemaName ? code(r.schemaName) : '',
  ]);
  return `<h4>Answers</h4>${table(['HTTP', 'When', 'Body'], rows)}`;
}

export function operationSection(op: DocOperation, programs: ExampleProgram[], caller: Caller): string {
  const values = exampleParams(op);
  const examples = programs
    .map((p, i) => {
      const title = `<h4>${i === 0 ? 'Example' : 'Another example'}: ${esc(p.title)}</h4>`;
      const note = p.notRunnable ? `<p class="note warn">${inlineMarkdown(p.notRunnable)}</p>` : '';
      const setup = p.steps.length > 1 ? `<p class="note">This example first ${p.steps.filter((s) => !s.main).map((s) => esc(s.note ?? '')).join('; then ')}: it runs on its own, as often as you like.</p>` : '';
      const inner = `${title}${note}${setup}${exampleTabs(p, caller)}`;
      return i === 0 ? inner : `<details><summary>${esc(p.title)}</summary>${inner}</details>`;
    })
    .join('\n');
  const success = op.responses.find((r) => r.status >= 200 && r.status < 300 && r.example !== undefined);
  return `<section class="op" id="${opAnchor(op)}">
<h3>${op.code ? `${esc(op.code)} · ` : ''}${esc(op.summary)}</h3>
<p class="path">${methodBadge(op.method)}${esc(op.basePath + op.path)} &nbsp; <span title="operationId">${code(op.operationId)}</span></p>
<ul class="facts">${factsOf(op).join('')}</ul>
${markdown(op.description.replace(/^[CTF][0-9]{1,2}\s+-\s+/, ''), 4)}
${paramsTable(op.params, values)}
${headersTable(op)}
${examples}
${success ? `<h4>Answer ${success.status}</h4>${codeBlock(JSON.stringify(success.example, null, 2), 'json')}` : ''}
${responsesTable(op)}
</section>`;
}
