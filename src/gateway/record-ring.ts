/**
 * Records kept outside the JavaScript heap, in one buffer written as a ring: a record is appended
 * where the last one ended and the oldest records are overwritten first. Only the index (a Map from
 * key to the record's offset) is on the heap.
 *
 * Why: a memory store's records are long-lived, and V8 sizes its old generation as a multiple of
 * what is live (src/node-flags.ts). Records kept as heap strings cost that multiple of their bytes
 * in RSS, and every mark-compact traces them: a full 32 MiB idempotency store of heap strings
 * added ~90 MB of RSS to a process (the README's Memory section). In this buffer a record costs
 * its bytes, once, and the garbage collector never looks at it; the buffer's pages are only
 * resident once written, so an empty ring costs nothing.
 *
 * A record is: u32 total length, f64 expiry (the clock's milliseconds), u16 key length in bytes,
 * the key's UTF-8 bytes, the value's UTF-8 bytes. A key set again points at its new record; the old
 * one is left to be overwritten. An expired record is dropped from the index when it is read and
 * its bytes are reclaimed when the ring comes round. Every operation is O(1) but the overwrite,
 * which is O(records overwritten). The capacity bounds the ring's bytes and the index's together:
 * the oldest records go before the two would pass it.
 */
const HEADER = 14;
/**
 * What a key costs on the heap besides its characters: the string's header and its Map entry
 * (test/unit/policies/store-footprint.test.ts measures the whole index). Counted with the ring's
 * bytes against its capacity, so that a budget bounds the store's memory, heap included.
 */
const KEY_OVERHEAD = 48;
const keyCost = (key: string) => key.length + KEY_OVERHEAD;

export class RecordRing {
  private readonly buf: Buffer;
  private readonly index = new Map<string, number>();
  /** Where the next record is written. */
  private head = 0;
  /** The oldest record still in the ring. */
  private tail = 0;
  /** When the ring has wrapped: where the records of the upper part end (0 when not wrapped). */
  private end = 0;
  /** Records in the ring, superseded and expired ones included. */
  private count = 0;
  /** What the index's keys cost on the heap, as keyCost counts it. */
  private indexBytes = 0;
  /** The furthest byte of the buffer ever written: what of it can be resident. */
  private highWater = 0;

  constructor(
    /** Bytes the records may take, headers included. */
    readonly capacity: number,
    /** Keys held at most; the oldest records go first past it. */
    private readonly maxEntries: number,
    private readonly clock: { now(): number } = performance,
  ) {
    if (!Number.isInteger(capacity) || capacity < 64) throw new RangeError('a record ring needs at least 64 bytes');
    this.buf = Buffer.allocUnsafeSlow(capacity);
  }

  /** Keys held (expired ones not yet read included). */
  get size(): number {
    return this.index.size;
  }

  /** What the store holds, as counted against its capacity: the ring's bytes and the index's. */
  get bytes(): number {
    return this.ringBytes() + this.indexBytes;
  }

  /** How much of the buffer has ever been written (its pages beyond are never touched). */
  get touchedBytes(): number {
    return this.highWater;
  }

  /** Bytes between the oldest record and the next write, headers included. */
  private ringBytes(): number {
    return this.end === 0 ? this.head - this.tail : this.end - this.tail + this.head;
  }

  get(key: string): string | undefined {
    const at = this.index.get(key);
    if (at === undefined) return undefined;
    if (this.buf.readDoubleLE(at + 4) <= this.clock.now()) {
      this.delete(key);
      return undefined;
    }
    const keyBytes = this.buf.readUInt16LE(at + 12);
    return this.buf.toString('utf8', at + HEADER + keyBytes, at + this.buf.readUInt32LE(at));
  }

  /**
   * Keeps value under key for ttlMs. Answers false, keeping nothing, when the record could never
   * fit (larger than half the ring, or a key over 64 KiB).
   */
  set(key: string, value: string, ttlMs: number): boolean {
    const keyBytes = Buffer.byteLength(key, 'utf8');
    const length = HEADER + keyBytes + Buffer.byteLength(value, 'utf8');
    if (keyBytes > 0xffff || length > this.capacity / 2) return false;
    const at = this.reserve(length);
    this.buf.writeUInt32LE(length, at);
    this.buf.writeDoubleLE(this.clock.now() + ttlMs, at + 4);
    this.buf.writeUInt16LE(keyBytes, at + 12);
    this.buf.write(key, at + HEADER, keyBytes, 'utf8');
    this.buf.write(value, at + HEADER + keyBytes, length - HEADER - keyBytes, 'utf8');
    this.head = at + length;
    if (this.head > this.highWater) this.highWater = this.head;
    this.count++;
    if (!this.index.has(key)) this.indexBytes += keyCost(key);
    this.index.set(key, at);
    while (this.count > 1 && (this.index.size > this.maxEntries || this.bytes > this.capacity)) this.dropOldest();
    return true;
  }

  delete(key: string): void {
    if (this.index.delete(key)) this.indexBytes -= keyCost(key);
  }

  /** Frees room for `length` bytes at the head, overwriting the oldest records; answers the offset. */
  private reserve(length: number): number {
    for (;;) {
      if (this.count === 0) {
        this.head = this.tail = this.end = 0;
        return 0;
      }
      if (this.end === 0) {
        // records in [tail, head): free after head, and before tail. The head wraps where the
        // ring's share of the capacity ends (what the index does not take), so that the pages
        // past it are never written and never become resident
        if (this.head + length <= this.capacity - this.indexBytes) return this.head;
        this.end = this.head; // wrap: the upper part ends here, the next record goes at 0
        this.head = 0;
      } else if (this.head + length <= this.tail) {
        return this.head; // wrapped: records in [tail, end) and [0, head); free in [head, tail)
      } else {
        this.dropOldest();
      }
    }
  }

  private dropOldest(): void {
    const at = this.tail;
    const keyBytes = this.buf.readUInt16LE(at + 12);
    const key = this.buf.toString('utf8', at + HEADER, at + HEADER + keyBytes);
    if (this.index.get(key) === at) this.delete(key);
    this.tail = at + this.buf.readUInt32LE(at);
    this.count--;
    if (this.end !== 0 && this.tail >= this.end) {
      this.tail = 0; // the upper part is gone: the records left are in [0, head)
      this.end = 0;
    }
    if (this.count === 0) this.head = this.tail = this.end = 0;
  }
}
