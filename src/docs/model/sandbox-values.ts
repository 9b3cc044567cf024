/**
 * Values the contract does not carry but a request needs to succeed against the sandbox: path and
 * query parameters without an `example` in the RAML, and sample values of required headers whose
 * type is a format (an IP, a MAC). Pinned values come from the contract's enums and the X-Invoker
 * profiles, never from here. test/docs checks that every required parameter of every operation
 * resolves, and the QA kit test runs every example against the sandbox, so a stale row fails there.
 */

/** operationId -> parameter -> value (the sandbox fixtures of raml/<api>/docs, sandbox.md). */
export const SANDBOX_PARAMS: Record<string, Record<string, string>> = {
  // C1: the customer of the agreement example (collections-management sandbox.md)
  getIcsAgreement: { identSerialNum: '1234567890' },
  // T5 / T12: 5745678877 has recent counterparts and A and B trust relationships
  getRecentTransfiyaTransfers: { cellPhone: '5745678877' },
  getTransfiyaTrustRelationships: { cellPhone: '5745678877' },
  // T7 / T10: the phones T6's and T9's examples send to and ask (they come first in catalog order),
  // so these lists are never empty, however often the examples run against one sandbox. The seeded
  // items of 5567787448 and 5744564566 are answered once, by T8's and T11's examples.
  getPendingTransfiyaToReceive: { cellPhone: '55677878' },
  getPendingTransfiyaToSend: { cellPhone: '5589568788' },
};

/** Sample values of required headers, by name (the documents' own example values where they give one). */
export const HEADER_SAMPLES: Record<string, string> = {
  'X-Invoker-Channel': '012',
  'X-Invoker-UserIPAddress': '10.5.43.214',
  'X-Invoker-ServerIPAddress': '192.168.169.197',
  'X-Invoker-UserMACAddress': '0E-A5-38-F7-C3-09',
  'X-Invoker-ServerMACAddress': '00-00-00-00-00-00',
  'X-Invoker-TerminalId': 'PDS0001',
  'X-Invoker-TxId': 'TX0001',
  // the tables say "Enviar espacios": an empty value
  'X-Invoker-ModifierUser': '',
};

/**
 * The account enrolled with a Transfiya phone that sends money in an example's set-up (T8's
 * example answers a transfer from 5567766878; transfers-management sandbox.md).
 */
export const TRANSFIYA_ACCOUNTS: Record<string, string> = {
  '5567766878': '30020000001',
};
