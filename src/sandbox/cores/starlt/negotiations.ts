import type { CoreModule } from '../core-app';
import { loanBookNegotiations } from '../bankmaster/negotiations';

/** StarLT's negotiation marks: the same record and answers as Bankmaster's, on StarLT's own loan book. */
export const starltNegotiations: CoreModule = loanBookNegotiations('starlt');
