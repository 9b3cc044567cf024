export type ApiName = 'collections-management' | 'transfers-management' | 'facilito';
export const API_NAMES: readonly ApiName[] = ['collections-management', 'transfers-management', 'facilito'];
