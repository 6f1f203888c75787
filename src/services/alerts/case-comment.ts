import type { CaseCommentTable } from '../../store/schema.ts'

/** A comment on a case, with the users its @mentions named. */
export type CaseComment = { id: string; caseId: string; author: string; body: string; mentions: string[]; createdAt: string }

export function caseCommentFromRow(row: CaseCommentTable): CaseComment {
  return { id: row.id, caseId: row.case_id, author: row.author, body: row.body, mentions: JSON.parse(row.mentions) as string[], createdAt: row.created_at }
}
