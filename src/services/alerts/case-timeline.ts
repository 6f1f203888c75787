import { AppError } from '../../app-error.ts'
import type { RuleSeverity } from '../../domain/alerts/rule.ts'
import type { JsonValue } from '../../domain/audit/index.ts'
import type { Store } from '../../store/open-store.ts'

/** The fields of a case whose changes a timeline shows, as the audit entries' case snapshots name them. */
export const TIMELINE_FIELDS = ['status', 'ownerId', 'teamId', 'severity', 'escalationLevel', 'disposition'] as const
export type TimelineField = (typeof TIMELINE_FIELDS)[number]

/** At most this many events, the newest. */
export const MAX_TIMELINE_EVENTS = 500

export type TimelineChange = { field: TimelineField; before: string | number | null; after: string | number | null }

export type CaseTimelineEvent =
  | {
      kind: 'action'
      at: string
      /** The audit action: case.opened, case.assigned, case.escalated, case.closed, controls.applied… */
      action: string
      actor: string
      /** The user's name (or e-mail address) when the actor is a user. */
      actorName: string | null
      changes: TimelineChange[]
      /** The escalation's or the closing note, or the comment (its first 200 characters). */
      note: string | null
    }
  | { kind: 'alert'; at: string; alertId: string; ruleKey: string; severity: RuleSeverity }

/**
 * A case's history, newest first: the audit entries written under it (every change, comment,
 * attachment and control) with the fields each changed, merged with the alerts raised into it.
 * An action at the same instant as an alert comes first: the alert raised it (the case opened
 * or its severity went up because of it).
 */
export async function getCaseTimeline({ store, caseId }: { store: Store; caseId: string }): Promise<CaseTimelineEvent[]> {
  const kase = await store.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst()
  if (!kase) throw new AppError('not_found', `no case ${caseId}`)
  const [entries, alerts] = await Promise.all([
    store.db
      .selectFrom('audit_entries')
      .select(['seq', 'at', 'actor', 'action', 'before', 'after'])
      .where('entity', '=', 'case')
      .where('entity_id', '=', caseId)
      .orderBy('at', 'desc')
      .orderBy('seq', 'desc')
      .limit(MAX_TIMELINE_EVENTS)
      .execute(),
    store.db
      .selectFrom('alerts')
      .select(['id', 'rule_key', 'severity', 'raised_at'])
      .where('case_id', '=', caseId)
      .orderBy('raised_at', 'desc')
      .orderBy('id', 'desc')
      .limit(MAX_TIMELINE_EVENTS)
      .execute(),
  ])
  const userIds = [...new Set(entries.filter((row) => row.actor.startsWith('user:')).map((row) => row.actor.slice('user:'.length)))]
  const users = userIds.length === 0 ? [] : await store.db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', userIds).execute()
  const names = new Map(users.map((user) => [`user:${user.id}`, user.name || user.email]))
  const actions: CaseTimelineEvent[] = entries.map((row) => {
    const before = parseObject(row.before)
    const after = parseObject(row.after)
    return { kind: 'action', at: row.at, action: row.action, actor: row.actor, actorName: names.get(row.actor) ?? null, changes: changesOf(before, after), note: noteOf(row.action, after) }
  })
  const raised: CaseTimelineEvent[] = alerts.map((row) => ({ kind: 'alert', at: row.raised_at, alertId: row.id, ruleKey: row.rule_key, severity: row.severity as RuleSeverity }))
  return mergeNewestFirst(actions, raised).slice(0, MAX_TIMELINE_EVENTS)
}

/** Two lists each newest first, merged newest first; on equal times the first list's events come first. */
function mergeNewestFirst<T extends { at: string }>(first: T[], second: T[]): T[] {
  const merged: T[] = []
  let i = 0
  let j = 0
  while (i < first.length || j < second.length) {
    if (j >= second.length || (i < first.length && Date.parse(first[i]!.at) >= Date.parse(second[j]!.at))) merged.push(first[i++]!)
    else merged.push(second[j++]!)
  }
  return merged
}

type JsonObject = { [key: string]: JsonValue }

function parseObject(text: string | null): JsonObject | null {
  if (text === null) return null
  const value = JSON.parse(text) as JsonValue
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null
}

/** The tracked fields whose values differ; only entries whose `after` is a case snapshot (it has a status) change fields. */
function changesOf(before: JsonObject | null, after: JsonObject | null): TimelineChange[] {
  if (after === null || typeof after.status !== 'string') return []
  return TIMELINE_FIELDS.flatMap((field) => {
    const was = scalar(before?.[field])
    const now = scalar(after[field])
    return was === now || (before === null && now === null) ? [] : [{ field, before: was, after: now }]
  })
}

function scalar(value: JsonValue | undefined): string | number | null {
  return typeof value === 'string' || typeof value === 'number' ? value : null
}

function noteOf(action: string, after: JsonObject | null): string | null {
  if (after === null) return null
  const text = action === 'case.escalated' ? after.escalationNote : action === 'case.closed' ? after.note : action === 'case.commented' ? after.body : action === 'case.attachment_added' ? after.filename : null
  return typeof text === 'string' ? text.slice(0, 200) : null
}
