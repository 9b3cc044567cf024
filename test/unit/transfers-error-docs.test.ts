import fs from 'node:fs';
import path from 'node:path';
import { renderErrorDocs } from '../../apis/transfers-management/error-docs';
import { TRANSFIYA_ERRORS } from '../../src/adapters/catalogs/transfiya';

describe('transfers-management error codes page', () => {
  const file = path.join(__dirname, '..', '..', 'raml', 'transfers-management', 'errors.md');

  it('when the page is rendered from the catalogs, then it equals the committed raml/transfers-management/errors.md', () => {
    expect(fs.readFileSync(file, 'utf8')).toBe(renderErrorDocs());
  });

  it('when a catalog row is listed, then the page shows its status, code, type and description', () => {
    const page = renderErrorDocs();
    for (const r of TRANSFIYA_ERRORS.rows) expect(page).toContain(`| ${r.status} | ${r.errorCode} | ${r.errorType} | ${r.errorDesc} |`);
  });
});
