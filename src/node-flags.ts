/**
 * The V8 flags the gateway runs with: `npm start`, the Dockerfile's CMD and the benchmark's gateway
 * all start it with these (test/unit/node-flags.test.ts keeps the three in step).
 *
 * --heap-growing-percent=100: after each full GC V8 lets the old space grow to 2x the live heap
 * instead of up to 4x. Under saturation a request's objects that outlive two scavenges are
 * promoted and die in the old space, so the default sizing let RSS reach 350-440 MB around a live
 * heap of 45-100 MB. At 2x it stays about 100 MB lower for no measurable CPU per request (same-run
 * A/B in the README's performance section); lower factors (30-60%) cost 60-100 µs per request in
 * mark-compacts.
 */
export const NODE_FLAGS: readonly string[] = ['--heap-growing-percent=100'];
