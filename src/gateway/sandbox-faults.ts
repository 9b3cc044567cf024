/**
 * The X-Sandbox-Fault instructions the simulated cores understand (src/sandbox/faults.ts
 * implements them, the portal documents them). The gateway only forwards the header, in the
 * sandbox and test profiles.
 *   delay=<ms>   answer normally after a delay
 *   timeout      never answer (the gateway's per-call timeout aborts the call)
 *   error-500    answer 500 with an unidentified core error
 *   html         answer 502 with an HTML error page
 *   garbage      answer 200 with a body that is not JSON
 *   reset        destroy the connection before doing anything
 *   drop-reply   apply the change, then destroy the connection instead of answering (unknown outcome)
 */
export const FAULT_KINDS = ['delay', 'timeout', 'error-500', 'html', 'garbage', 'reset', 'drop-reply'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
