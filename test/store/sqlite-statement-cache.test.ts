import SqliteDatabase from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { cachingStatements } from '../../src/store/sqlite-statement-cache.ts'

describe('the SQLite statement cache under Kysely', () => {
  let sqlite: SqliteDatabase.Database
  afterEach(() => sqlite?.open && sqlite.close())

  it('hands back the same prepared statement for the same SQL', () => {
    sqlite = new SqliteDatabase(':memory:')
    const db = cachingStatements(sqlite)
    expect(db.prepare('select 1 as one')).toBe(db.prepare('select 1 as one'))
    expect(db.prepare('select 2 as two')).not.toBe(db.prepare('select 1 as one'))
  })

  it('prepares a fresh statement while the cached one is still iterating a streamed query', () => {
    sqlite = new SqliteDatabase(':memory:')
    sqlite.exec('create table t (n integer); insert into t values (1), (2), (3)')
    const db = cachingStatements(sqlite)
    const outer = db.prepare('select n from t order by n')
    const seen: number[][] = []
    for (const row of outer.iterate() as Iterable<{ n: number }>) {
      const inner = db.prepare('select n from t order by n')
      expect(inner).not.toBe(outer)
      seen.push((inner.all() as { n: number }[]).map((r) => r.n).concat(row.n))
    }
    expect(seen).toEqual([[1, 2, 3, 1], [1, 2, 3, 2], [1, 2, 3, 3]])
  })

  it('drops the least recently used statement past its capacity', () => {
    sqlite = new SqliteDatabase(':memory:')
    const db = cachingStatements(sqlite, 2)
    const first = db.prepare('select 1')
    const second = db.prepare('select 2')
    expect(db.prepare('select 1')).toBe(first) // now the most recently used
    db.prepare('select 3') // evicts select 2
    expect(db.prepare('select 1')).toBe(first)
    expect(db.prepare('select 2')).not.toBe(second)
  })

  it('keeps working when a migration changes the table under a cached statement', () => {
    sqlite = new SqliteDatabase(':memory:')
    sqlite.exec('create table t (n integer); insert into t values (1)')
    const db = cachingStatements(sqlite)
    expect(db.prepare('select * from t').all()).toEqual([{ n: 1 }])
    sqlite.exec("alter table t add column label text default 'x'")
    expect(db.prepare('select * from t').all()).toEqual([{ n: 1, label: 'x' }])
  })
})
