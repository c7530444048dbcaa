/**
 * A raw query that answers rows: TypeORM's `manager.query` and, wrapped, a `pg` client's. Lets the same
 * SQL serve the services (TypeORM) and the command-line tools (a bare `pg` client).
 */
export type RowsQuery = <Row>(sql: string, parameters: unknown[]) => Promise<Row[]>;
