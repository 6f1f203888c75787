import { AppError, invalidField } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import type { Actor } from '../actor.ts'
import { assignCase } from './assign-case.ts'
import { closeCase } from './close-case.ts'
import { escalateCase } from './escalate-case.ts'
import { DISPOSITIONS, type Case, type Disposition } from './stored-alert.ts'

export const BULK_CASE_ACTIONS = ['assign', 'escalate', 'close'] as const
export type BulkCaseAction = (typeof BULK_CASE_ACTIONS)[number]

export const MAX_BULK_CASES = 200

export type BulkCaseActionOptions = {
  store: Store
  actor: Actor
  action: BulkCaseAction
  caseIds: readonly string[]
  /** assign: the user (absent: each case's queue, round-robin). */
  ownerId?: string
  /** close: the disposition and note every case is closed with. */
  disposition?: Disposition
  /** close: why; escalate: an optional note. */
  note?: string
}

export type BulkCaseResult = { caseId: string; ok: true; case: Case } | { caseId: string; ok: false; error: { code: string; message: string } }

/**
 * One action on many cases, each case on its own (its own transaction and audit entry, the
 * same checks as one at a time): one case refused — closed already, owned by someone else —
 * leaves the others done. Returns a result per case id, in the order given; an id given twice
 * is worked once.
 */
export async function bulkCaseAction({ store, actor, action, caseIds, ownerId, disposition, note }: BulkCaseActionOptions): Promise<BulkCaseResult[]> {
  const ids = [...new Set(caseIds)]
  if (ids.length === 0 || ids.length > MAX_BULK_CASES) throw invalidField('caseIds', `must hold 1 to ${MAX_BULK_CASES} case ids`)
  if (action === 'close') {
    if (disposition === undefined || !DISPOSITIONS.includes(disposition)) throw invalidField('disposition', `must be one of ${DISPOSITIONS.join(', ')}`)
    if (note === undefined || note.trim() === '') throw invalidField('note', 'must say why the cases are closed')
  }
  const results: BulkCaseResult[] = []
  for (const caseId of ids) {
    try {
      const kase =
        action === 'assign'
          ? await assignCase({ store, actor, caseId, ownerId })
          : action === 'escalate'
            ? await escalateCase({ store, actor, caseId, note })
            : await closeCase({ store, actor, caseId, disposition: disposition!, note: note! })
      results.push({ caseId, ok: true, case: kase })
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      results.push({ caseId, ok: false, error: { code: error.code, message: error.message } })
    }
  }
  return results
}
