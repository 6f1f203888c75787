import { createMerkleAccumulator, formatCheckpoint } from '../../domain/audit/index.ts'
import type { Store } from '../../store/open-store.ts'
import { readLedger } from '../../store/repositories/audit-ledger.ts'

export type AuditCheckpoint = { size: number; root: string; checkpoint: string }

/** The Merkle root over every entry so far. Hand it to someone outside (a notary, a regulator, a public log). */
export async function checkpointAuditLedger({ store }: { store: Store }): Promise<AuditCheckpoint> {
  const merkle = createMerkleAccumulator()
  for await (const entry of readLedger(store.db)) merkle.append(entry.hash)
  const root = merkle.root()
  return { size: merkle.size, root, checkpoint: formatCheckpoint(merkle.size, root) }
}
