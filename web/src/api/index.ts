export { Capabilities } from './capabilities';
export { ApiError, request } from './client';
export * from './endpoints';
export { storedKey } from './key';
export { itemParams, unsupportedFilters } from './params';
export type * from './types';
