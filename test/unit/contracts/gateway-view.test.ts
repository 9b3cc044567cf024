import { gatewayView } from '../../../src/contracts/gateway-view';
import { CONTRACT_FORMATS } from '../../../src/policies/contract-validation/formats';

/** The published "at most two decimals" (x-max-decimals 2) is the validator's decimal2 format. */
describe('gatewayView', () => {
  it('when a number schema says x-max-decimals 2, then the validator reads format decimal2 (and examples are left alone)', () => {
    const spec = {
      components: { schemas: { Amount: { type: 'number', minimum: 0.01, 'x-max-decimals': 2, example: { 'x-max-decimals': 2, type: 'number' } } } },
      paths: { '/v1/fees': { post: { requestBody: { content: { 'application/json': { schema: { properties: { amt: { type: 'number', 'x-max-decimals': 2 } } } } } } } } },
    };
    const view = gatewayView(spec) as any;
    expect(view.components.schemas.Amount).toEqual({ type: 'number', minimum: 0.01, format: 'decimal2', example: { 'x-max-decimals': 2, type: 'number' } });
    expect(view.paths['/v1/fees'].post.requestBody.content['application/json'].schema.properties.amt).toEqual({ type: 'number', format: 'decimal2' });
  });

  it('when decimal2 checks amounts, then the decimal text decides, not a binary division', () => {
    for (const ok of [20000.1, 4678.23, 0.07, 100.29, 0, 35000.5]) expect(CONTRACT_FORMATS.decimal2.validate(ok)).toBe(true);
    for (const bad of [10.005, 1e21, -1, 0.001]) expect(CONTRACT_FORMATS.decimal2.validate(bad)).toBe(false);
    // what multipleOf 0.01 does in AJV: 20000.1 / 0.01 is not an integer in binary floating point
    expect(Number.isInteger(20000.1 / 0.01)).toBe(false);
  });
});
