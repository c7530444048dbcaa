import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuditEntryDto, AuditPageDto, AuditQuery } from './audit.dto';

/** Reads the trail; nothing here writes (writes happen in each change's transaction, see audit-writer). */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(query: AuditQuery): Promise<AuditPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const clauses: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => clauses.push(sql.replace('?', `$${params.push(value)}`));
    if (query.entity) add('entity = ?', query.entity);
    if (query.entityId) add('entity_id = ?', query.entityId);
    if (query.actor) add('actor_name = ?', query.actor);
    if (query.action) add('action = ?', query.action);
    if (query.from) add('at >= ?::timestamptz', query.from);
    if (query.to) add('at < ?::timestamptz', query.to);
    const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const [items, [{ total }]] = await Promise.all([
      this.db.query<AuditEntryDto[]>(
        `SELECT id::text, at, actor_kind AS "actorKind", actor_id AS "actorId", actor_name AS "actorName", action,
                entity, entity_id AS "entityId", before, after, changed, reason, request_id AS "requestId"
           FROM audit_log ${where} ORDER BY at DESC, id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        params,
      ),
      this.db.query<Array<{ total: number }>>(
        `SELECT count(*)::int AS total FROM audit_log ${where}`,
        params,
      ),
    ]);
    return { items, total, page, pageSize };
  }
}
