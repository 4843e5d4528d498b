/**
 * What repositories run queries on: the client itself (`Root`) or the client of an open
 * transaction (`Tx`). `Db` is the shape both generated clients (SQLite and PostgreSQL) share;
 * see client.ts for why it leaves out Prisma's aggregate/groupBy (sums are written in SQL).
 */
export type { Db as Root, DbTransaction as Tx } from './client.ts';
