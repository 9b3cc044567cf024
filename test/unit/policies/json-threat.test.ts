import { findJsonThreat, type JsonThreatLimits } from '../../../src/policies/json-threat-protection/handler';

const limits: JsonThreatLimits = { maxContainerDepth: 3, maxStringValueLength: 5, maxArrayElementCount: 2, maxObjectEntryCount: 2, maxObjectEntryNameLength: 4 };

describe('JSON threat protection', () => {
  it('when a body is within every limit, then no threat', () => {
    expect(findJsonThreat({ a: [1, 'abc'], b: { c: null } }, limits)).toBeUndefined();
  });
  it.each([
    ['container depth', { a: { b: { c: { d: 1 } } } }, /deeper than 3/],
    ['string length', { a: 'abcdef' }, /longer than 5 characters/],
    ['array entries', { a: [1, 2, 3] }, /more than 2 entries/],
    ['object entries', { a: 1, b: 2, c: 3 }, /more than 2 entries/],
    ['name length', { abcde: 1 }, /field name .* longer than 4/],
  ])('when the %s limit is exceeded, then the threat is named', (_n, body, re) => {
    expect(findJsonThreat(body, limits)).toMatch(re);
  });
  it('when a body is nested 100 000 levels deep, then the walk does not overflow the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findJsonThreat(deep, { ...limits, maxArrayElementCount: 10 })).toMatch(/deeper than 3/);
  });
});
