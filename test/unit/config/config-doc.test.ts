import fs from 'node:fs';
import path from 'node:path';
import { configTable } from '../../../src/tools/config-doc';

describe('configuration reference', () => {
  it('when the schema changes, then the README table must be regenerated (npm run config-doc)', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');
    const m = /<!-- config-table:start -->\n([\s\S]*?)<!-- config-table:end -->/.exec(readme);
    expect(m?.[1]).toBe(configTable());
  });
});
