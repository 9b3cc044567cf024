/**
 * npm run config-doc: prints the configuration reference (every key, its env var, default and doc)
 * as the markdown table the README embeds; test/unit/config/config-doc.test.ts keeps them equal.
 */
import { gatewaySchema as schema } from '../gateway-config';

interface Leaf {
  doc?: string;
  default?: unknown;
  env?: string;
  format?: unknown;
  sensitive?: boolean;
}

const isLeaf = (v: unknown): v is Leaf => typeof v === 'object' && v !== null && 'default' in v;

function rows(node: Record<string, unknown>, prefix: string, out: string[][]): void {
  for (const [k, v] of Object.entries(node)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isLeaf(v)) {
      const def = v.sensitive ? '(demo value, see below)' : JSON.stringify(v.default);
      out.push([`\`${key}\``, v.env ? `\`${v.env}\`` : '', `\`${def}\``.replace('`(demo value, see below)`', '(demo value, see below)'), (v.doc ?? '').replace(/\|/g, '\\|')]);
    } else if (typeof v === 'object' && v !== null) rows(v as Record<string, unknown>, key, out);
  }
}

export function configTable(): string {
  const out: string[][] = [];
  rows(schema as unknown as Record<string, unknown>, '', out);
  // the seven back ends share one shape: show bankmaster in full, the others by their env prefix
  const filtered = out.filter((r) => !/^`backends\.(?!bankmaster)/.test(r[0]));
  const lines = ['| key | env var | default | description |', '| --- | --- | --- | --- |', ...filtered.map((r) => `| ${r.join(' | ')} |`)];
  return `${lines.join('\n')}\n`;
}

if (require.main === module) process.stdout.write(configTable());
