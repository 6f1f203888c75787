import { randomUUID } from 'node:crypto'
import { AppError, invalidField } from '../../app-error.ts'
import { parseMentions, resolveMentions } from '../../domain/alerts/mentions.ts'
import type { JsonValue } from '../../domain/audit/index.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { caseCommentFromRow, type CaseComment } from './case-comment.ts'
import { notifyAboutCase } from './case-work.ts'
import { caseFromRow } from './stored-alert.ts'

export type CommentOnCaseOptions = { store: Store; actor: Actor; caseId: string; body: string }

export const MAX_COMMENT_LENGTH = 4000

/**
 * Adds a comment to a case (closed ones too: a note after the fact). Its @mentions
 * (src/domain/alerts/mentions.ts: @name or @name@domain, matched against active users'
 * e-mail addresses) are kept with it, and each mentioned user — the author excepted — gets a
 * notification in their inbox. Audited as case.commented under the case's customer.
 */
export async function commentOnCase({ store, actor, caseId, body }: CommentOnCaseOptions): Promise<CaseComment> {
  const text = typeof body === 'string' ? body.trim() : ''
  if (text === '') throw invalidField('body', 'must not be blank')
  if (text.length > MAX_COMMENT_LENGTH) throw invalidField('body', `must be at most ${MAX_COMMENT_LENGTH} characters`)
  const by = actorLabel(actor)
  return withTransaction(store.db, async (trx) => {
    const row = await trx.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst()
    if (!row) throw new AppError('not_found', `no case ${caseId}`)
    const kase = caseFromRow(row)
    const handles = parseMentions(text)
    const users = handles.length === 0 ? [] : await trx.selectFrom('users').select(['id', 'email']).where('active', '=', 1).execute()
    const mentions = resolveMentions(handles, users)
    const at = new Date().toISOString()
    const comment = caseCommentFromRow({ id: randomUUID(), case_id: caseId, author: by, body: text, mentions: JSON.stringify(mentions), created_at: at })
    await trx.insertInto('case_comments').values({ id: comment.id, case_id: caseId, author: by, body: text, mentions: JSON.stringify(mentions), created_at: at }).execute()
    await appendAuditEntry(trx, { actor: by, action: 'case.commented', entity: 'case', entityId: caseId, after: { ...comment, customerId: kase.customerId } as unknown as JsonValue, at })
    const notified = mentions.filter((id) => !(actor.kind === 'user' && actor.userId === id))
    await notifyAboutCase(trx, { kase, kind: 'case.mentioned', title: 'You were mentioned on a case', userIds: notified, at, payload: { commentId: comment.id, by, excerpt: text.slice(0, 200) } })
    return comment
  })
}
