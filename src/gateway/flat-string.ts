/**
 * A flat copy of a string, for what a store keeps for hours. V8 keeps a string built with `+` or
 * a template literal as a tree of its parts (a 32-byte ConsString per join) until something
 * flattens it, and hashing it as a Map key does not: a memory store of 30,000 idempotency records
 * held ~21 of those per record, twice what the records' characters needed (heap snapshot, see the
 * README's Memory section). A JSON round trip writes one sequential string and is exact for every
 * string, lone surrogates included; a store calls it once per record it keeps, never per lookup.
 */
export function flat(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string); // V8 copies short strings flat anyway
}
