import { createHash } from 'node:crypto'

/**
 * A Merkle tree over audit entry hashes, shaped as in RFC 6962 (Certificate Transparency):
 * leaf = SHA-256(0x00 || entryHash), node = SHA-256(0x01 || left || right), the left subtree
 * always the largest power of two. The accumulator keeps one root per perfect subtree, so
 * the root after every prefix of the ledger costs O(log n) — which lets `verify --checkpoint`
 * find the prefix a published root belongs to in one pass.
 */
const LEAF = Buffer.from([0])
const NODE = Buffer.from([1])

function leafHash(entryHashHex: string): Buffer {
  return createHash('sha256').update(LEAF).update(Buffer.from(entryHashHex, 'hex')).digest()
}

function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(NODE).update(left).update(right).digest()
}

/** The root of an empty tree: SHA-256 of nothing. */
export const EMPTY_MERKLE_ROOT = createHash('sha256').digest('hex')

export function createMerkleAccumulator() {
  // stack[i] is the root of a perfect subtree of sizes[i] leaves, sizes strictly decreasing.
  const stack: Buffer[] = []
  const sizes: number[] = []
  let count = 0

  return {
    append(entryHashHex: string): void {
      let hash = leafHash(entryHashHex)
      let size = 1
      while (sizes.length > 0 && sizes[sizes.length - 1] === size) {
        hash = nodeHash(stack.pop()!, hash)
        sizes.pop()
        size *= 2
      }
      stack.push(hash)
      sizes.push(size)
      count += 1
    },
    get size(): number {
      return count
    },
    root(): string {
      if (stack.length === 0) return EMPTY_MERKLE_ROOT
      let root = stack[stack.length - 1]!
      for (let i = stack.length - 2; i >= 0; i -= 1) root = nodeHash(stack[i]!, root)
      return root.toString('hex')
    },
  }
}

export function merkleRoot(entryHashes: readonly string[]): string {
  const accumulator = createMerkleAccumulator()
  for (const hash of entryHashes) accumulator.append(hash)
  return accumulator.root()
}

/** A checkpoint names the ledger size with the root so a verifier knows which prefix to rebuild: `SIZE:ROOT`. */
export function formatCheckpoint(size: number, root: string): string {
  return `${size}:${root}`
}

export function parseCheckpoint(text: string): { size: number | null; root: string } {
  const match = /^(?:(\d+):)?([0-9a-f]{64})$/i.exec(text.trim())
  if (!match) throw new Error(`"${text}" is not a checkpoint: expected SIZE:ROOT or a 64-character hex root`)
  return { size: match[1] === undefined ? null : Number(match[1]), root: match[2]!.toLowerCase() }
}
