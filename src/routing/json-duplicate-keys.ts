/**
 * Finds the first object key a JSON text repeats. JSON.parse keeps the last value of a repeated
 * key, and another parser (a core's, a WAF's) may keep the first: the same body read two ways is a
 * known injection route, so the gateway refuses it. One pass over the text, linear: strings are
 * skipped with indexOf, keys are decoded only when they hold an escape ("a" and "\u0061" are
 * the same key). Meant for text JSON.parse accepts; on anything else it answers what it found,
 * and the parse reports the syntax error.
 */

interface Frame {
  /** Keys seen in this object; undefined for an array. */
  keys?: Set<string>;
  /** This container's name in its parent (a key, or an array index). */
  name?: string | number;
  index: number;
  lastKey?: string;
  expectKey: boolean;
}

function pathOf(frames: Frame[], key: string): string {
  let path = '';
  for (const f of frames.slice(1)) path += typeof f.name === 'number' ? `[${f.name}]` : path ? `.${f.name}` : `${f.name}`;
  return path ? `${path}.${key}` : key;
}

/** End of the string whose opening quote is at i (the index of its closing quote), or -1. */
function stringEnd(text: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const k = text.indexOf('"', j);
    if (k < 0) return -1;
    let backslashes = 0;
    for (let b = k - 1; b > i && text.charCodeAt(b) === 92; b--) backslashes++;
    if (backslashes % 2 === 0) return k;
    j = k + 1;
  }
}

/** The path of the first repeated key (xFerInfo.amt, items[2].id), or undefined. */
export function findDuplicateKey(text: string): string | undefined {
  const frames: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      const end = stringEnd(text, i);
      if (end < 0) return undefined;
      const top = frames[frames.length - 1];
      if (top?.keys && top.expectKey) {
        const raw = text.slice(i + 1, end);
        let key = raw;
        if (raw.includes('\\')) {
          try {
            key = JSON.parse(`"${raw}"`) as string;
          } catch {
            return undefined;
          }
        }
        if (top.keys.has(key)) return pathOf(frames, key);
        top.keys.add(key);
        top.lastKey = key;
        top.expectKey = false;
      }
      i = end;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      const parent = frames[frames.length - 1];
      const name = parent ? (parent.keys ? parent.lastKey : parent.index) : undefined;
      frames.push({ keys: c === 123 ? new Set() : undefined, name, index: 0, expectKey: c === 123 });
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      frames.pop();
    } else if (c === 44 /* , */) {
      const top = frames[frames.length - 1];
      if (top?.keys) top.expectKey = true;
      else if (top) top.index++;
    }
  }
  return undefined;
}
