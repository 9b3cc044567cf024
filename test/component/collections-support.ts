import fs from 'node:fs';
import path from 'node:path';

/** Shared by the collections-management component tests: the document's examples and valid headers. */
export const EXAMPLES_DIR = path.join(__dirname, '..', '..', 'raml', 'collections-management', 'examples');

export const example = (file: string): any => JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));

export const exampleFiles = (suffix: string): string[] => fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith(suffix)).sort();

/** C2's required X-Invoker headers, with the values of the document's table. */
export const NEGOTIATION_HEADERS = {
  'X-Invoker-Channel': '012',
  'X-Invoker-UserIPAddress': '10.5.43.214',
  'X-Invoker-ServerIPAddress': '192.168.169.197',
  'X-Invoker-UserMACAddress': '0E-A5-38-F7-C3-09',
  'X-Invoker-TxId': 'NEGOCIACIONES',
  'X-Invoker-Country': 'CO',
};

/** C1, C3, C4: headers are optional; these are the document's example values. */
export const DECISION_HEADERS = { 'X-Invoker-Channel': '007', 'X-Invoker-subChannel': '01', 'X-Invoker-Country': 'CO' };

/** C5: the banking correspondent's pinned headers (001 "Check collection" table). */
export const CORRESPONDENT_HEADERS = {
  'X-Invoker-Channel': '13',
  'X-Invoker-BranchId': '1108',
  'X-Invoker-TerminalId': 'PDS0001',
  'X-Invoker-UserIPAddress': '10.5.43.214',
  'X-Invoker-ServerIPAddress': '192.168.169.197',
  'X-Invoker-ProcessDate': '2024-04-08',
  'X-Invoker-TxId': 'APIF4087320000000001',
  'X-Invoker-SessionKey': 'eyJhbGciOiJSUzI1NiIsInR5cCI6Ik',
  'X-Invoker-Source': '18',
  'X-Invoker-Country': 'CO',
  'X-Invoker-ProcessId': '020000000001',
  'X-Invoker-subChannel': '07',
  'X-Invoker-User': 'NEWCBSER',
  'X-Invoker-Action': 'R',
  'X-Invoker-ModifierUser': ' ',
};

/** What the simulated cores received, per back end and path. */
export const hitsOf = (hits: Array<{ backend: string; path: string; body: unknown }>, backend: string, p?: string) =>
  hits.filter((h) => h.backend === backend && (p === undefined || h.path === p));
