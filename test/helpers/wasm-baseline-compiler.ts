import v8 from 'node:v8';

/**
 * undici parses HTTP with llhttp compiled to WebAssembly, and jest gives every test file its own
 * module registry, so each file that calls a core compiles llhttp again. V8 then optimises the
 * module's hot functions on background threads, and Node waits for those jobs before a process
 * exits: a jest worker whose last file called a core was still compiling 0.4-0.9 s after it was
 * told to stop, past jest's 500 ms, and was killed with "A worker process has failed to exit
 * gracefully". Tests keep WebAssembly on V8's baseline compiler (Liftoff), which compiles at once
 * and leaves no background job; the gateway itself runs with V8's defaults.
 */
v8.setFlagsFromString('--liftoff-only');
