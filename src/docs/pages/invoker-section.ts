import type { DocApi, DocParam } from '../model/contract-model';
import { PROFILES } from '../../policies/x-invoker-headers/profiles';
import { code, esc, inlineMarkdown, table } from '../render/html';
import { formatOf, opAnchor } from './operation-section';
import { headerRowId } from '../search/search-documents';

/**
 * The X-Invoker header reference of one API: for each header, its format and, per operation,
 * whether it is required, optional or pinned to a value (the contract's enums and the
 * banking-correspondent profiles of the X-Invoker policy).
 */
export function invokerSection(api: DocApi): string {
  const ops = api.operations;
  const names: string[] = [];
  const byName = new Map<string, DocParam>();
  for (const op of ops) {
    for (const p of op.params) {
      if (p.in !== 'header' || p.name === 'Idempotency-Key' || p.name === 'X-Sandbox-Fault') continue;
      if (!byName.has(p.name)) {
        names.push(p.name);
        byName.set(p.name, p);
      }
    }
  }
  if (!names.length) return '<p>This API declares no X-Invoker headers.</p>';
  const cell = (opIndex: number, name: string): string => {
    const op = ops[opIndex];
    const p = op.params.find((x) => x.in === 'header' && x.name === name);
    if (!p) return '—';
    const profile = op.route?.invokerProfile ? PROFILES[op.route.invokerProfile] : undefined;
    const pinned = profile?.pinned[name] ?? (Array.isArray(p.schema.enum) && p.schema.enum.length === 1 ? String(p.schema.enum[0]) : undefined);
    if (pinned !== undefined) return `<strong>= ${esc(pinned)}</strong>`;
    const ifPresent = profile?.pinnedIfPresent[name];
    if (ifPresent !== undefined) return `opt. (= ${esc(ifPresent)})`;
    return p.required ? '<strong>required</strong>' : 'optional';
  };
  // the matrix shows the operations and headers where something is required, pinned or absent;
  // the rest is said in one sentence each
  const cells = names.map((n) => ops.map((_, i) => cell(i, n)));
  const specialOps = ops.map((_, i) => i).filter((i) => cells.some((row) => row[i] !== 'optional' && row[i] !== '—'));
  const specialRows = names.map((n, r) => ({ n, r })).filter(({ r }) => specialOps.some((i) => cells[r][i] !== 'optional'));
  const head = ['Header', ...specialOps.map((i) => `<a href="#${opAnchor(ops[i])}" title="${esc(ops[i].operationId)}">${esc(ops[i].code ?? ops[i].operationId)}</a>`)];
  const plainOps = ops.filter((_, i) => !specialOps.includes(i)).map((o) => `<a href="#${opAnchor(o)}">${esc(o.code ?? o.operationId)}</a>`);
  const otherHeaders = names.filter((n) => !specialRows.some((x) => x.n === n)).map(code);
  const matrix = `${specialOps.length ? table(head, specialRows.map(({ n, r }) => [code(n), ...specialOps.map((i) => cells[r][i])]), 'matrix') : ''}
${plainOps.length ? `<p>${plainOps.join(', ')}: every X-Invoker header ${specialOps.length ? 'they declare ' : ''}is optional (well formed when sent).</p>` : ''}
${specialOps.length && otherHeaders.length ? `<p>Optional wherever they appear: ${otherHeaders.join(', ')}.</p>` : ''}`;
  const formats = table(
    ['Header', 'Format', 'Description'],
    names.map((n) => {
      const p = byName.get(n)!;
      const variants = new Set(ops.flatMap((o) => o.params.filter((x) => x.in === 'header' && x.name === n).map((x) => formatOf(x.schema))));
      return [code(n), [...variants].join('<br>'), inlineMarkdown(p.description ?? p.schema.description ?? '')];
    }),
    '',
    names.map(headerRowId),
  );
  const profiles = [...new Set(ops.map((o) => o.route?.invokerProfile).filter(Boolean))] as Array<keyof typeof PROFILES>;
  const profileRows = profiles.map((name) => {
    const p = PROFILES[name];
    const users = ops.filter((o) => o.route?.invokerProfile === name).map((o) => esc(o.code ?? o.operationId)).join(', ');
    const pinned = Object.entries(p.pinned).map(([h, v]) => `${code(h)} = ${code(v)}`).join('<br>');
    const ifPresent = Object.entries(p.pinnedIfPresent).map(([h, v]) => `${code(h)} = ${code(v)} when sent`).join('<br>');
    const processId =
      p.processId === 'last-11-of-txid'
        ? 'the last 11 digits of X-Invoker-TxId, left-padded with zeros to 12 (APIF4087320000000001 → 020000000001)'
        : 'an APIF TxId itself: the X-Invoker-TxId of the paired consultation';
    return [`${esc(p.label)} (${users})`, pinned, ifPresent, `${code('APIF')} + Julian date (last digit of the year + day of the year) + ${code('32')} + a 10-digit authorization number`, esc(processId)];
  });
  return `<p>Which X-Invoker headers each operation requires (<strong>required</strong>), accepts (optional: when sent they must be well formed) or pins to a fixed value (<strong>= value</strong>). A missing or malformed header is answered 400 GW-400-04 naming every header concerned.</p>
${matrix}
<h3 id="invoker-formats">Formats</h3>
${formats}
${profiles.length ? `<h3 id="invoker-profiles">Banking-correspondent profiles</h3>${table(['Profile', 'Pinned', 'Pinned when sent', 'X-Invoker-TxId', 'X-Invoker-ProcessId'], profileRows)}` : ''}`;
}
