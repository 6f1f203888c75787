import { AppError } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import { caseCommentFromRow, type CaseComment } from './case-comment.ts'

/** A case's comments, oldest first (a conversation reads top down). */
export async function listCaseComments({ store, caseId }: { store: Store; caseId: string }): Promise<CaseComment[]> {
  const kase = await store.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst()
  if (!kase) throw new AppError('not_found', `no case ${caseId}`)
  const rows = await store.db.selectFrom('case_comments').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute()
  return rows.map(caseCommentFromRow)
}
