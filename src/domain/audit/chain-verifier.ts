import { auditEntryCustomerId, GENESIS_HASH, hashAuditEntry, type AuditEntry } from './audit-entry.ts'

export type ChainProblem = {
  /** The first sequence number at which the ledger stops being the one that was written. */
  seq: number
  reason: string
}

export type ChainHead = { seq: number; hash: string }

/**
 * Checks a ledger read in ascending seq order, one entry at a time, so a ledger of any
 * size is verified in constant memory. An edited entry fails its own hash; a removed
 * entry leaves a gap in seq; a reordered one fails both its hash and the next prevHash;
 * a removed tail is caught against the head the store keeps beside the entries.
 */
export function createChainVerifier() {
  let expectedSeq = 1
  let prevHash = GENESIS_HASH
  let problem: ChainProblem | null = null

  function fail(seq: number, reason: string): ChainProblem {
    problem = { seq, reason }
    return problem
  }

  return {
    /** Returns the problem found at this entry, or null; after the first problem it keeps returning it. */
    push(entry: AuditEntry & { customerId?: string | null }): ChainProblem | null {
      if (problem) return problem
      if (entry.seq !== expectedSeq) {
        return entry.seq > expectedSeq
          ? fail(expectedSeq, `entry ${expectedSeq} is missing (the next entry found is ${entry.seq})`)
          : fail(entry.seq, `entry ${entry.seq} appears out of order after ${expectedSeq - 1}`)
      }
      if (entry.prevHash !== prevHash) {
        return fail(entry.seq, `entry ${entry.seq} does not point to the hash of entry ${entry.seq - 1}`)
      }
      if (hashAuditEntry(entry) !== entry.hash) {
        return fail(entry.seq, `entry ${entry.seq} was altered: its content no longer matches its hash`)
      }
      if (entry.customerId !== undefined && entry.customerId !== auditEntryCustomerId(entry)) {
        return fail(entry.seq, `entry ${entry.seq} is filed under the wrong customer`)
      }
      prevHash = entry.hash
      expectedSeq += 1
      return null
    },

    /** Closes the check against the head the store recorded; returns the count checked or the problem. */
    finish(head: ChainHead | null): { ok: true; checked: number; lastHash: string } | { ok: false; problem: ChainProblem } {
      if (problem) return { ok: false, problem }
      const checked = expectedSeq - 1
      if (head && head.seq > checked) {
        return { ok: false, problem: fail(checked + 1, `entries ${checked + 1} to ${head.seq} are missing from the end of the ledger`) }
      }
      if (head && head.seq === checked && head.hash !== prevHash) {
        return { ok: false, problem: fail(checked, `entry ${checked} does not match the ledger head`) }
      }
      return { ok: true, checked, lastHash: prevHash }
    },
  }
}
