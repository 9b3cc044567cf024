import { zipSync } from 'fflate';

/** An API's RAML folder with its includes, as a zip built in memory (fflate, deflate). */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

export function zip(entries: ZipEntry[], modified = new Date()): Buffer {
  const files = Object.fromEntries(entries.map((e) => [e.name, [new Uint8Array(e.data), { mtime: modified }] as const]));
  return Buffer.from(zipSync(files as never, { level: 6 }));
}
