import { Router } from 'express';
import type { CoreModule } from '../core-app';

/** Simulated core capability: its operations land with the API issue that needs them. */
export const bankmasterNegotiations: CoreModule = () => Router();
