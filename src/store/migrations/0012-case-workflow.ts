import { PostgresAdapter, sql, type Kysely } from 'kysely'

/**
 * Case work: the lifecycle new → assigned → investigating → escalated → closed, team queues
 * with round-robin assignment, an SLA per severity with escalation when overdue, comments
 * with @mentions, attachments, and each user's in-app inbox.
 *
 * - cases gain the team (queue) they are routed to, their severity (the worst of their alerts,
 *   with its rank 1–4 kept beside it to sort by), when they are due, and how often and when
 *   they were escalated. An open case becomes new, or assigned when it has an owner; its
 *   severity and due time are computed here from its alerts and the SLA of the time (critical
 *   4 h, high 24 h, medium 72 h, low 7 days from opening).
 * - One case per customer that is not closed: the partial unique index moves from
 *   status = 'open' to status <> 'closed' (SQLite and PostgreSQL both hold partial indexes).
 * - case_queues routes cases to a team: the row of the case's severity, else the row '*'.
 *   case_rotations keeps, per team, the member assigned last, so round-robin continues
 *   where it stopped after a restart.
 * - case_comments keep the user ids their @mentions resolved to (JSON array);
 *   case_attachments keep the file's bytes with its SHA-256, as documents do.
 * - notifications are the inbox: one row per user and event, read once read_at is set.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter

  await db.schema.alterTable('cases').addColumn('team_id', 'text').execute()
  await db.schema.alterTable('cases').addColumn('severity', 'text', (col) => col.notNull().defaultTo('low')).execute()
  await db.schema.alterTable('cases').addColumn('severity_rank', 'integer', (col) => col.notNull().defaultTo(1)).execute()
  await db.schema.alterTable('cases').addColumn('sla_due_at', 'text').execute()
  await db.schema.alterTable('cases').addColumn('escalation_level', 'integer', (col) => col.notNull().defaultTo(0)).execute()
  await db.schema.alterTable('cases').addColumn('escalated_at', 'text').execute()

  const RANK: Record<string, number> = { low: 1, medium: 2, high: 3, critical: 4 }
  const SLA_HOURS: Record<string, number> = { low: 168, medium: 72, high: 24, critical: 4 }
  const open = await db.selectFrom('cases').select(['id', 'owner_id', 'opened_at']).where('status', '=', 'open').execute()
  for (const row of open as { id: string; owner_id: string | null; opened_at: string }[]) {
    const alerts = (await db.selectFrom('alerts').select('severity').where('case_id', '=', row.id).execute()) as { severity: string }[]
    const severity = alerts.map((a) => a.severity).reduce((worst, s) => ((RANK[s] ?? 1) > (RANK[worst] ?? 1) ? s : worst), 'low')
    await db
      .updateTable('cases')
      .set({
        status: row.owner_id === null ? 'new' : 'assigned',
        severity,
        severity_rank: RANK[severity] ?? 1,
        sla_due_at: new Date(Date.parse(row.opened_at) + (SLA_HOURS[severity] ?? 168) * 3_600_000).toISOString(),
      })
      .where('id', '=', row.id)
      .execute()
  }
  await db.updateTable('alerts').set({ status: 'assigned' }).where('status', '=', 'new').where('case_id', 'in', db.selectFrom('cases').select('id').where('status', '=', 'assigned')).execute()

  await db.schema.dropIndex('cases_one_open_per_customer').execute()
  await db.schema.createIndex('cases_one_active_per_customer').unique().on('cases').column('customer_id').where(sql.ref('status'), '<>', 'closed').execute()
  await db.schema.createIndex('cases_queue').on('cases').columns(['status', 'severity_rank', 'sla_due_at', 'id']).execute()
  await db.schema.createIndex('cases_due').on('cases').columns(['sla_due_at', 'id']).execute()
  await db.schema.createIndex('cases_owner').on('cases').columns(['owner_id', 'status']).execute()

  await db.schema
    .createTable('case_queues')
    .addColumn('severity', 'text', (col) => col.primaryKey().notNull())
    .addColumn('team_id', 'text', (col) => col.notNull().references('teams.id'))
    .addColumn('updated_by', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('case_rotations')
    .addColumn('team_id', 'text', (col) => col.primaryKey().notNull().references('teams.id').onDelete('cascade'))
    .addColumn('last_user_id', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('case_comments')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('author', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('mentions', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('case_comments_case').on('case_comments').columns(['case_id', 'created_at']).execute()

  await db.schema
    .createTable('case_attachments')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('filename', 'text', (col) => col.notNull())
    .addColumn('content_type', 'text', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('content', isPostgres ? 'bytea' : 'blob', (col) => col.notNull())
    .addColumn('uploaded_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('case_attachments_case').on('case_attachments').columns(['case_id', 'created_at']).execute()

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('case_id', 'text')
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('read_at', 'text')
    .execute()
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'created_at', 'id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['notifications', 'case_attachments', 'case_comments', 'case_rotations', 'case_queues']) await db.schema.dropTable(table).execute()
  for (const index of ['cases_owner', 'cases_due', 'cases_queue', 'cases_one_active_per_customer']) await db.schema.dropIndex(index).execute()
  await db.updateTable('cases').set({ status: 'open' }).where('status', '<>', 'closed').execute()
  await db.schema.createIndex('cases_one_open_per_customer').unique().on('cases').column('customer_id').where(sql.ref('status'), '=', 'open').execute()
  for (const column of ['escalated_at', 'escalation_level', 'sla_due_at', 'severity_rank', 'severity', 'team_id']) await db.schema.alterTable('cases').dropColumn(column).execute()
}
