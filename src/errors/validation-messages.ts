/**
 * Turns express-openapi-validator / AJV error items into one description that names every
 * offending field, header or parameter, in the bank's wording style.
 */
const headerNames = new Map<string, string>();

/** Registers the canonical spelling of headers declared in the contracts (X-Invoker-subChannel...). */
export function registerHeaderNames(names: Iterable<string>): void {
  for (const n of names) headerNames.set(n.toLowerCase(), n);
}

export function canonicalHeader(name: string): string {
  return headerNames.get(name.toLowerCase()) ?? name;
}

interface ValidationItem {
  path?: string;
  message?: string;
  errorCode?: string;
}

const patternDescriptions = new Map<string, string>();

/** Schemas of the contracts that carry a pattern and a description: errors quote the description, not the regex. */
export function registerPatternDescriptions(schemas: Record<string, { pattern?: string; description?: string }>): void {
  for (const s of Object.values(schemas)) {
    if (s && typeof s.pattern === 'string' && typeof s.description === 'string') patternDescriptions.set(s.pattern, s.description.trim());
  }
}

function describeLocation(path: string): string {
  // EOV reports /body/a/b or .body.a.b depending on the check
  const clean = path.replace(/^[./]/, '').replace(/\//g, '.');
  const [where, ...rest] = clean.split('.');
  const name = rest.join('.').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
  switch (where) {
    case 'headers':
      return `header ${canonicalHeader(rest.join('.'))}`;
    case 'query':
      return `query parameter ${name}`;
    case 'params':
    case 'path':
      return `path parameter ${name}`;
    case 'body':
      return name ? `field ${name}` : 'body';
    default:
      return clean;
  }
}

function tidy(message: string): string {
  return message
    .replace(/^must have required property '([^']+)'$/, 'is required')
    .replace(/^must NOT have additional properties$/, 'is not allowed (unknown field)')
    .replace(/^must match format "decimal2"$/, 'must be a positive amount with at most 2 decimals')
    .replace(/^must match pattern "(.+)"$/, (_m, p: string) => {
      const d = patternDescriptions.get(p);
      return d ? `is not valid: ${d.replace(/\.$/, '')}` : `must match the pattern ${p}`;
    });
}

export function describeValidationErrors(items: ValidationItem[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const item of items) {
    let path = (item.path ?? '').replace(/^[./]/, '.').replace(/\//g, '.');
    const msg = item.message ?? 'is invalid';
    // AJV names the missing property in the message, EOV sometimes in the path only
    const required = /^must have required property '([^']+)'$/.exec(msg);
    if (required && !path.endsWith(`.${required[1]}`)) path = `${path}.${required[1]}`;
    const line = `${describeLocation(path)} ${tidy(msg)}`;
    if (!seen.has(line)) {
      seen.add(line);
      parts.push(line);
    }
  }
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
