/**
 * The V8 flags the gateway runs with: `npm start`, the Dockerfile's CMD and the benchmark's gateway
 * all start it with these (test/unit/node-flags.test.ts keeps the three in step).
 *
 * --heap-growing-percent=50: after each full GC V8 lets the old space grow to 1.5x the live heap
 * instead of up to 4x. Under load a request's objects that outlive two scavenges are promoted and
 * die in the old space, so V8's default sizing let RSS reach 350-440 MB around a live heap of
 * 45-100 MB. 100% (2x) was the setting until the idempotency answers moved out of the heap (into
 * a RecordRing): a mark-compact then traced ~36 MB of them, and 30-60% cost 60-100 µs per
 * request. With them out, the live heap of full stores is ~55-65 MB.
 *
 * --max-semi-space-size=8: the young generation's two halves at 8 MB each instead of 16.
 *
 * Together they keep a gateway with full memory stores under 200 MB of RSS (189 MB in a
 * 5-minute soak, with the stores' records in rings) for ~10% more CPU per request in-process,
 * mostly in more frequent GCs: the README's "answers off the heap" results have the runs, and the
 * flags to use instead where memory is cheaper than CPU.
 */
export const NODE_FLAGS: readonly string[] = ['--heap-growing-percent=50', '--max-semi-space-size=8'];
