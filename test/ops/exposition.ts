/**
 * Label names of every series in a Prometheus text exposition (what GET /metrics answers), keyed by
 * the series name as Prometheus stores it: a histogram appears as its _bucket, _sum and _count series,
 * and only _bucket carries `le`. The format is line-based: `name{label="value",...} number`.
 */
export function seriesLabels(text: string): Map<string, Set<string>> {
  const series = new Map<string, Set<string>>();
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line)?.[0];
    if (!name) throw new Error(`not an exposition line: ${line}`);
    const labels = series.get(name) ?? new Set<string>();
    series.set(name, labels);
    if (line[name.length] !== '{') continue;
    // label values are quoted with \" and \\ escapes; names cannot contain a quote
    const pair = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="(?:[^"\\]|\\.)*"\s*(,|\})/y;
    pair.lastIndex = name.length + 1;
    for (let m = pair.exec(line); m; m = m[2] === '}' ? null : pair.exec(line)) labels.add(m[1]);
  }
  return series;
}
