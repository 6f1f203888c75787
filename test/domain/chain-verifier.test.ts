import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { canonicalJson, createChainVerifier, GENESIS_HASH, sealAuditEntry, sealAuditEntryText, type AuditEntry } from '../../src/domain/audit/index.ts'

function chainOf(length: number): AuditEntry[] {
  const entries: AuditEntry[] = []
  for (let seq = 1; seq <= length; seq += 1) {
    entries.push(
      sealAuditEntry({
        seq,
        at: `2026-01-01T00:00:0${seq % 10}.000Z`,
        actor: 'user:u1',
        action: 'customer.updated',
        entity: 'customer',
        entityId: `c${seq}`,
        before: { limit: seq * 100 },
        after: { limit: seq * 200 },
        prevHash: entries.at(-1)?.hash ?? GENESIS_HASH,
      }),
    )
  }
  return entries
}

function verify(entries: AuditEntry[], head = entries.length ? { seq: entries.at(-1)!.seq, hash: entries.at(-1)!.hash } : null) {
  const verifier = createChainVerifier()
  for (const entry of entries) verifier.push(entry)
  return verifier.finish(head)
}

describe('audit chain verifier', () => {
  it('accepts an intact chain and counts its entries', () => {
    expect(verify(chainOf(5))).toEqual({ ok: true, checked: 5, lastHash: chainOf(5)[4]!.hash })
  })

  it('accepts an empty ledger', () => {
    expect(verify([], { seq: 0, hash: GENESIS_HASH })).toMatchObject({ ok: true, checked: 0 })
  })

  it('names the entry whose content was edited', () => {
    const entries = chainOf(5)
    entries[2] = { ...entries[2]!, after: { limit: 999_999 } }
    expect(verify(entries)).toMatchObject({ ok: false, problem: { seq: 3 } })
  })

  it('names the entry whose stored hash was replaced', () => {
    const entries = chainOf(5)
    entries[1] = { ...entries[1]!, hash: 'f'.repeat(64) }
    expect(verify(entries)).toMatchObject({ ok: false, problem: { seq: 2 } })
  })

  it('names the seq of an entry removed from the middle', () => {
    const entries = chainOf(5)
    entries.splice(3, 1)
    expect(verify(entries)).toMatchObject({ ok: false, problem: { seq: 4, reason: expect.stringContaining('missing') } })
  })

  it('names the seq of an entry removed from the end, using the head', () => {
    const full = chainOf(5)
    const head = { seq: 5, hash: full[4]!.hash }
    expect(verify(full.slice(0, 4), head)).toMatchObject({ ok: false, problem: { seq: 5 } })
  })

  it('catches two entries swapped in place', () => {
    const entries = chainOf(5)
    const [second, third] = [entries[1]!, entries[2]!]
    entries[1] = { ...third, seq: 2 }
    entries[2] = { ...second, seq: 3 }
    expect(verify(entries)).toMatchObject({ ok: false, problem: { seq: 2 } })
  })

  it('catches an entry re-hashed after editing, because the next one no longer points to it', () => {
    const entries = chainOf(4)
    entries[1] = sealAuditEntry({ ...entries[1]!, actor: 'user:intruder' })
    expect(verify(entries)).toMatchObject({ ok: false, problem: { seq: 3, reason: expect.stringContaining('does not point') } })
  })

  it('keeps reporting the first problem after it', () => {
    const entries = chainOf(4)
    entries[0] = { ...entries[0]!, action: 'x' }
    const verifier = createChainVerifier()
    const problems = entries.map((e) => verifier.push(e))
    expect(problems.map((p) => p?.seq)).toEqual([1, 1, 1, 1])
  })
})

describe('sealing an audit entry', () => {
  it('hashes exactly the canonical JSON of the entry, however before and after are shaped', () => {
    const cases = [
      { before: null, after: null },
      { before: { z: 1, a: [1, { c: '华为', b: null }] }, after: { a: '"quoted" \\ \n', n: -0.5 } },
      { before: [3, 2, 1], after: 'text' },
      { before: true, after: 12345678901 },
    ]
    for (const [i, { before, after }] of cases.entries()) {
      const unsealed = { seq: i + 1, at: '2026-01-01T00:00:00.000Z', actor: 'user:ü', action: 'x.y', entity: 'customer', entityId: `c${i}`, before, after, prevHash: GENESIS_HASH }
      const expected = createHash('sha256').update(canonicalJson(unsealed), 'utf8').digest('hex')
      const { entry, beforeText, afterText } = sealAuditEntryText(unsealed)
      expect(entry.hash).toBe(expected)
      expect(beforeText).toBe(before === null ? null : canonicalJson(before))
      expect(afterText).toBe(after === null ? null : canonicalJson(after))
    }
  })
})
