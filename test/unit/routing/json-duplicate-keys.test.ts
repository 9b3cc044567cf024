import { findDuplicateKey } from '../../../src/routing/json-duplicate-keys';

describe('findDuplicateKey', () => {
  it.each([
    ['{"a":1,"a":2}', 'a'],
    ['{"xFerInfo":{"amt":1,"desc":"x","amt":2}}', 'xFerInfo.amt'],
    ['{"items":[{"id":1},{"id":2,"id":3}]}', 'items[1].id'],
    ['{"a":1,"\\u0061":2}', 'a'],
    ['[{"k":"v"},{"k":"v","k":"w"}]', '[1].k'],
    ['{"a":{"b":[1,{"c":1,"c":1}]}}', 'a.b[1].c'],
  ])('when %s repeats a key, then it names %s', (text, path) => {
    expect(findDuplicateKey(text)).toBe(path);
  });

  it.each([
    ['{"a":1,"b":{"a":2}}'],
    ['{"a":"\\"a\\"","b":"a\\\\"}'],
    ['[{"a":1},{"a":1}]'],
    ['{"a":"{\\"a\\":1,\\"a\\":2}"}'],
    ['{"a,":1,"a":2,"b":"}","c":"["}'],
    ['{}'],
    ['"a"'],
  ])('when %s has no key twice in one object, then nothing is reported', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(findDuplicateKey(text)).toBeUndefined();
  });

  it('when every JSON text that JSON.parse reads has a repeated key inserted, then it is found (generated bodies)', () => {
    const base = { refId: 'A1', xFerInfo: { amt: 10.5, desc: 'Pago "arriendo"\\n', depAcctIdTo: { acctId: '1' } }, list: [{ id: 1 }, { id: 2 }] };
    const text = JSON.stringify(base);
    expect(findDuplicateKey(text)).toBeUndefined();
    expect(findDuplicateKey(text.replace('"desc"', '"amt":1,"desc"'))).toBe('xFerInfo.amt');
  });
});
