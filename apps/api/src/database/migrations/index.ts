import { Initial1795482385881 } from './1795482385881-Initial';

/** Every migration, in order. A landed migration is never edited: add a new one. */
export const MIGRATIONS: Array<new () => object> = [Initial1795482385881];
