import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode } from '@lezer/common';

/** Label names per series name, as scraped (see exposition.ts). */
export type SeriesLabels = ReadonlyMap<string, ReadonlySet<string>>;

export interface Analysis {
  /** Series names the expression selects. */
  metrics: string[];
  /** Labels every result series carries (what `{{ $labels.x }}` or a legend may use); null for a scalar. */
  labels: Set<string> | null;
  /** Unknown series, unknown labels, sides that cannot match, syntax errors. */
  problems: string[];
}

// Parsed by the grammar Prometheus' own UI uses, which also accepts PromQL 3 syntax: these nodes
// would be rejected by the Prometheus 2.x the rules file is for.
const PROMQL3_ONLY = new Set(['QuotedLabelName', 'QuotedLabelMatcher', 'FillModifier', 'AnchoredExpr', 'SmoothedExpr']);
// Functions whose result keeps the labels of their vector argument (the rest are not used here).
const KEEPS_LABELS = /^(rate|irate|increase|delta|idelta|deriv|changes|resets|abs|ceil|floor|round|clamp(_min|_max)?|[a-z]+_over_time|predict_linear|sort(_desc)?)$/;
// Aggregations whose result keeps each input series' labels (by/without pick which series, not labels).
const SELECTS_SERIES = new Set(['topk', 'bottomk', 'limitk', 'limit_ratio']);

/**
 * Walks a PromQL expression's syntax tree and works out, for each sub-expression, which labels its
 * series carry, checking every selector, matcher, `by`/`without` and `on`/`ignoring` label against
 * the series a real scrape exported. `targetLabels` are the ones Prometheus adds at scrape time.
 */
export function analyse(expr: string, series: SeriesLabels, targetLabels: readonly string[]): Analysis {
  const problems: string[] = [];
  const metrics: string[] = [];
  const tree = parser.parse(expr);
  tree.iterate({
    enter: (n) => {
      if (n.type.isError) problems.push(`syntax error at ${n.from}: ${JSON.stringify(expr.slice(Math.max(0, n.from - 20), n.to + 20))}`);
      if (PROMQL3_ONLY.has(n.name)) problems.push(`${n.name} is PromQL 3 syntax, not Prometheus 2.x`);
    },
  });
  const text = (n: SyntaxNode) => expr.slice(n.from, n.to);
  const children = (n: SyntaxNode) => {
    const out: SyntaxNode[] = [];
    for (let c = n.firstChild; c; c = c.nextSibling) out.push(c);
    return out;
  };
  const labelNames = (n: SyntaxNode | null) => (n ? n.getChildren('LabelName').map(text) : []);
  const missing = (want: string[], have: Set<string> | null, where: string) => {
    for (const l of want) if (!have?.has(l)) problems.push(`label "${l}" of ${where} is not on its input (${[...(have ?? [])].join(', ') || 'no labels'})`);
  };
  const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((l) => b.has(l));

  const visit = (n: SyntaxNode): Set<string> | null => {
    switch (n.name) {
      case 'PromQL':
      case 'ParenExpr':
      case 'MatrixSelector':
      case 'SubqueryExpr':
      case 'OffsetExpr':
      case 'StepInvariantExpr':
        return visit(children(n).find((c) => c.type.is('Expr'))!);
      case 'NumberDurationLiteral':
      case 'StringLiteral':
        return null;
      case 'UnaryExpr':
        return visit(children(n).find((c) => c.type.is('Expr'))!);
      case 'VectorSelector': {
        const name = n.getChild('Identifier');
        if (!name) return void problems.push(`selector without a metric name: ${text(n)}`), new Set();
        const metric = text(name);
        metrics.push(metric);
        const known = series.get(metric);
        if (!known) return void problems.push(`metric ${metric} is not exported`), new Set();
        const labels = new Set([...known, ...targetLabels]);
        const matchers = n.getChild('LabelMatchers')?.getChildren('UnquotedLabelMatcher') ?? [];
        missing(matchers.map((m) => text(m.getChild('LabelName')!)), labels, `matcher on ${metric}`);
        return labels;
      }
      case 'FunctionCall': {
        const fn = text(n.getChild('FunctionIdentifier')!);
        const args = children(n.getChild('FunctionCallBody')!).filter((c) => c.type.is('Expr'));
        const vectors = args.map(visit);
        const vector = vectors.find((v) => v !== null) ?? null;
        if (fn === 'vector') return new Set();
        if (fn === 'scalar' || fn === 'time') return null;
        if (fn === 'histogram_quantile') {
          missing(['le'], vector, 'histogram_quantile');
          return new Set([...(vector ?? [])].filter((l) => l !== 'le'));
        }
        if (!KEEPS_LABELS.test(fn)) problems.push(`function ${fn}: its result labels are not modelled by this check`);
        return vector;
      }
      case 'AggregateExpr': {
        const op = text(n.getChild('AggregateOp')!);
        const inner = children(n.getChild('FunctionCallBody')!).filter((c) => c.type.is('Expr')).map(visit);
        const input = inner[inner.length - 1];
        const modifier = n.getChild('AggregateModifier');
        const grouping = labelNames(modifier?.getChild('GroupingLabels') ?? null);
        missing(grouping, input, `${op} ${modifier ? text(modifier) : ''}`);
        if (SELECTS_SERIES.has(op)) return input;
        if (!modifier) return new Set();
        if (modifier.getChild('Without')) return new Set([...(input ?? [])].filter((l) => !grouping.includes(l)));
        return new Set(grouping);
      }
      case 'BinaryExpr': {
        const [lhs, rhs] = children(n).filter((c) => c.type.is('Expr'));
        const left = visit(lhs);
        const right = visit(rhs);
        if (left === null || right === null) return left ?? right;
        const op = children(n).find((c) => !c.type.is('Expr') && !/Modifier|Clause/.test(c.name))!.name;
        const clause = n.getChild('MatchingModifierClause');
        if (op === 'Or') return new Set([...left].filter((l) => right.has(l)));
        if (!clause) {
          if (!same(left, right)) problems.push(`the two sides of ${op} carry different labels and never match: (${[...left]}) vs (${[...right]})`);
          return left;
        }
        const on = labelNames(clause.getChild('GroupingLabels'));
        missing(on, left, `${text(clause)} (left side)`);
        if (clause.getChild('On')) missing(on, right, `${text(clause)} (right side)`);
        if (clause.getChild('GroupLeft') || clause.getChild('GroupRight')) return clause.getChild('GroupRight') ? right : left;
        return clause.getChild('On') ? new Set(on) : new Set([...left].filter((l) => !on.includes(l)));
      }
      default:
        problems.push(`expression node ${n.name} is not modelled by this check: ${text(n)}`);
        return new Set();
    }
  };
  const labels = visit(tree.topNode);
  return { metrics, labels, problems };
}
