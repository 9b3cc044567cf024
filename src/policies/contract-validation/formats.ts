/**
 * Custom formats of the validator's view of the contract: the document's `x-max-decimals: 2`
 * (RAML multipleOf 0.01) is checked as format decimal2 (src/contracts/gateway-view.ts), because
 * AJV's floating-point multipleOf rejects amounts like 20000.1.
 */
export function isDecimal2(v: unknown): boolean {
  // sign is the schema's minimum (Amount 0.01, NonNegativeAmount 0): zero fees must pass here
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return false;
  // the shortest round-trip text of the number is what the client wrote (100.1 for 100.10)
  const text = String(v);
  if (/e/i.test(text)) return false;
  const dot = text.indexOf('.');
  return dot === -1 || text.length - dot - 1 <= 2;
}

export const CONTRACT_FORMATS = { decimal2: { type: 'number' as const, validate: isDecimal2 } };
