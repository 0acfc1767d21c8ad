export * from './actions';
export { Store } from './store';
export type { Listener } from './store';
export * from './types';
export { fromQuery, toQuery } from './url';
