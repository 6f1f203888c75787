import { createChainVerifier, createMerkleAccumulator, parseCheckpoint, type ChainProblem } from '../../domain/audit/index.ts'
import type { Store } from '../../store/open-store.ts'
import { readAuditHead, readLedger } from '../../store/repositories/audit-ledger.ts'

export type VerifyAuditLedgerOptions = {
  store: Store
  /** `SIZE:ROOT` from `fengkong audit checkpoint` (or a bare root), held by an outside party. */
  checkpoint?: string
  onProgress?: (checked: number) => void
}

export type LedgerVerification =
  | { ok: true; checked: number; checkpoint?: { size: number; root: string } }
  | { ok: false; checked: number; problem: ChainProblem | { seq: null; reason: string } }

/**
 * Re-hashes the whole ledger in one streaming pass. With a checkpoint it also rebuilds the
 * Merkle root of the prefix the checkpoint covers, which catches even a ledger rewritten
 * end to end with freshly computed hashes.
 */
export async function verifyAuditLedger({ store, checkpoint, onProgress }: VerifyAuditLedgerOptions): Promise<LedgerVerification> {
  const wanted = checkpoint === undefined ? null : parseCheckpoint(checkpoint)
  const verifier = createChainVerifier()
  const merkle = createMerkleAccumulator()
  let matchedCheckpoint: { size: number; root: string } | null = null
  let checked = 0

  for await (const entry of readLedger(store.db)) {
    const problem = verifier.push(entry)
    if (problem) return { ok: false, checked, problem }
    checked += 1
    if (wanted && !matchedCheckpoint) {
      merkle.append(entry.hash)
      const sizeFits = wanted.size === null || wanted.size === merkle.size
      if (sizeFits && merkle.root() === wanted.root) matchedCheckpoint = { size: merkle.size, root: wanted.root }
      else if (wanted.size !== null && merkle.size === wanted.size) {
        return { ok: false, checked, problem: { seq: null, reason: `the first ${wanted.size} entries no longer hash to the checkpoint root: history before it was rewritten` } }
      }
    }
    if (onProgress && checked % 10_000 === 0) onProgress(checked)
  }

  const result = verifier.finish(await readAuditHead(store.db))
  if (!result.ok) return { ok: false, checked, problem: result.problem }
  if (wanted && !matchedCheckpoint) {
    const reason =
      wanted.size !== null && wanted.size > checked
        ? `the ledger holds ${checked} entries but the checkpoint covers ${wanted.size}: entries were removed`
        : 'no prefix of the ledger hashes to the checkpoint root: history before it was rewritten'
    return { ok: false, checked, problem: { seq: null, reason } }
  }
  return matchedCheckpoint ? { ok: true, checked, checkpoint: matchedCheckpoint } : { ok: true, checked }
}
