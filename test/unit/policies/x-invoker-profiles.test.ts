import { checkInvokerProfile } from '../../../src/policies/x-invoker-headers/handler';
import { julianDateProblem, processIdFromTxId } from '../../../src/policies/x-invoker-headers/profiles';
import type { RouteDefinition } from '../../../src/gateway/api';

const route = (invokerProfile: RouteDefinition['invokerProfile']) => ({ invokerProfile }) as RouteDefinition;
const collection = {
  'X-Invoker-Channel': '13',
  'X-Invoker-BranchId': '1108',
  'X-Invoker-Country': 'CO',
  'X-Invoker-subChannel': '07',
  'X-Invoker-User': 'NEWCBSER',
  'X-Invoker-Source': '18',
  'X-Invoker-TxId': 'APIF4087320000000001',
  'X-Invoker-ProcessId': '020000000001',
};
const getter = (h: Record<string, string>) => (name: string) => Object.entries(h).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];

describe('banking-correspondent X-Invoker profiles', () => {
  it("when the document's own example headers are sent, then the collection profile accepts them", () => {
    expect(checkInvokerProfile(route('correspondent-collection'), getter(collection), 0)).toEqual([]);
  });

  it('when the ProcessId is not derived from the TxId, then the header and the expected value are named', () => {
    const p = checkInvokerProfile(route('correspondent-collection'), getter({ ...collection, 'X-Invoker-ProcessId': '000000000001' }), 0);
    expect(p).toEqual([expect.stringMatching(/X-Invoker-ProcessId must be the last 11 digits .*\(020000000001\)/)]);
  });

  it('when pinned values differ, then each header is named with its fixed value', () => {
    const p = checkInvokerProfile(route('correspondent-collection'), getter({ ...collection, 'X-Invoker-Channel': '07', 'X-Invoker-subChannel': '06', 'X-Invoker-Source': '17' }), 0);
    expect(p).toEqual([
      expect.stringMatching(/X-Invoker-Channel must be 13/),
      expect.stringMatching(/X-Invoker-subChannel must be 07/),
      expect.stringMatching(/X-Invoker-Source must be 18/),
    ]);
  });

  it('when the deposit profile is used, then subChannel 06 is required and the ProcessId must be a consultation TxId', () => {
    const deposit = { ...collection, 'X-Invoker-subChannel': '06', 'X-Invoker-ProcessId': 'APIF4087320000000000' };
    expect(checkInvokerProfile(route('correspondent-deposit'), getter(deposit), 0)).toEqual([]);
    expect(checkInvokerProfile(route('correspondent-deposit'), getter({ ...deposit, 'X-Invoker-ProcessId': '1234' }), 0)).toEqual([
      expect.stringMatching(/X-Invoker-ProcessId must be the X-Invoker-TxId of the paired consultation/),
    ]);
  });

  it('when the TxId is malformed or missing, then it is named', () => {
    expect(checkInvokerProfile(route('correspondent-collection'), getter({ ...collection, 'X-Invoker-TxId': 'APIF40873200001' }), 0)).toEqual([
      expect.stringMatching(/X-Invoker-TxId must be APIF/),
    ]);
    const { 'X-Invoker-TxId': _omit, ...noTx } = collection;
    expect(checkInvokerProfile(route('correspondent-collection'), getter(noTx), 0)[0]).toMatch(/X-Invoker-TxId is required/);
  });

  it('when a blank optional pinned header is sent (the documents say "send spaces"), then it is accepted', () => {
    expect(checkInvokerProfile(route('correspondent-collection'), getter({ ...collection, 'X-Invoker-Source': '' }), 0)).toEqual([]);
  });

  it('when the route has no profile, then nothing is checked', () => {
    expect(checkInvokerProfile(route(undefined), getter({}), 0)).toEqual([]);
  });

  it('when ProcessId is derived, then it is the last 11 digits left-padded to 12', () => {
    expect(processIdFromTxId('APIF4087320000000001')).toBe('020000000001');
  });

  it('when the Julian day is impossible or too far from today, then it is reported', () => {
    expect(julianDateProblem('APIF4400320000000001', 0)).toMatch(/invalid Julian day 400/);
    const now = new Date(Date.UTC(2026, 10, 21)); // day 325 of 2026
    expect(julianDateProblem('APIF6325320000000001', 1, now)).toBeUndefined();
    expect(julianDateProblem('APIF6300320000000001', 1, now)).toMatch(/further than 1 day/);
  });
});
