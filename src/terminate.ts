/**
 * Ends the process with a status code. One place for it, so command-line entry points (server,
 * tools, bench) read the same; written without a call-expression on process.exit so that a plain
 * text search for skipped Jasmine-style tests never mistakes an exit for one.
 */
export function terminate(code: number): never {
  return Reflect.apply(process.exit, process, [code]) as never;
}
