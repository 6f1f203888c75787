import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createMerkleAccumulator, EMPTY_MERKLE_ROOT, formatCheckpoint, merkleRoot, parseCheckpoint } from '../../src/domain/audit/index.ts'

const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest()

/** RFC 6962 §2.1 written out recursively, as the reference the accumulator must agree with. */
function referenceRoot(leaves: string[]): string {
  function mth(items: string[]): Buffer {
    if (items.length === 1) return sha(Buffer.from([0]), Buffer.from(items[0]!, 'hex'))
    let k = 1
    while (k * 2 < items.length) k *= 2
    return sha(Buffer.from([1]), mth(items.slice(0, k)), mth(items.slice(k)))
  }
  return leaves.length === 0 ? createHash('sha256').digest('hex') : mth(leaves).toString('hex')
}

const leaves = Array.from({ length: 70 }, (_, i) => createHash('sha256').update(`entry ${i}`).digest('hex'))

describe('Merkle checkpoints', () => {
  it('gives the SHA-256 of nothing for an empty ledger', () => {
    expect(merkleRoot([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(EMPTY_MERKLE_ROOT).toBe(merkleRoot([]))
  })

  it('matches the RFC 6962 definition for every ledger size from 1 to 70', () => {
    for (let n = 1; n <= leaves.length; n += 1) expect(merkleRoot(leaves.slice(0, n)), `size ${n}`).toBe(referenceRoot(leaves.slice(0, n)))
  })

  it('gives the root of every prefix while appending', () => {
    const accumulator = createMerkleAccumulator()
    leaves.slice(0, 9).forEach((leaf, i) => {
      accumulator.append(leaf)
      expect(accumulator.size).toBe(i + 1)
      expect(accumulator.root()).toBe(referenceRoot(leaves.slice(0, i + 1)))
    })
  })

  it('changes when any leaf changes or leaves are reordered', () => {
    const root = merkleRoot(leaves.slice(0, 8))
    const edited = [...leaves.slice(0, 8)]
    edited[5] = leaves[60]!
    expect(merkleRoot(edited)).not.toBe(root)
    const swapped = [...leaves.slice(0, 8)]
    ;[swapped[0], swapped[1]] = [swapped[1]!, swapped[0]!]
    expect(merkleRoot(swapped)).not.toBe(root)
  })

  it('formats and parses SIZE:ROOT checkpoints, and accepts a bare root', () => {
    const root = merkleRoot(leaves.slice(0, 3))
    expect(parseCheckpoint(formatCheckpoint(3, root))).toEqual({ size: 3, root })
    expect(parseCheckpoint(root.toUpperCase())).toEqual({ size: null, root })
    expect(() => parseCheckpoint('12:nothex')).toThrow('not a checkpoint')
  })
})
