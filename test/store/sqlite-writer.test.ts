import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import SqliteDatabase from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { openStore, SQLITE_PRAGMAS } from '../../src/store/open-store.ts'
import { SqliteWriter, WRITE_CONFLICT } from '../../src/store/sqlite-writer.ts'

const STATEMENTS = {
  insert: 'insert into items (name, qty) values (?, ?)',
  insertOrIgnore: 'insert or ignore into items (name, qty) values (?, ?)',
  count: 'update counters set n = n + ? where name = ?',
}

describe('the SQLite writer thread', () => {
  let dir: string
  let path: string
  let writer: SqliteWriter | null
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fk-writer-'))
    path = join(dir, 'writer.db')
    const setup = new SqliteDatabase(path)
    setup.pragma('journal_mode = WAL')
    setup.exec("create table items (id integer primary key, name text not null unique, qty integer not null); create table counters (name text primary key, n integer not null); insert into counters values ('items', 0)")
    setup.close()
    writer = null
  })
  afterEach(async () => {
    await writer?.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const read = (sql: string) => {
    const db = new SqliteDatabase(path, { readonly: true })
    try {
      return db.prepare(sql).all()
    } finally {
      db.close()
    }
  }

  it('commits a message’s steps together and answers each row’s changes and rowid', async () => {
    writer = new SqliteWriter({ path, pragmas: SQLITE_PRAGMAS, statements: STATEMENTS })
    const [inserted, counted] = await writer.run([
      { statement: 'insertOrIgnore', width: 2, values: ['bolt', 10, 'nut', 20, 'bolt', 99] },
      { statement: 'count', width: 2, values: JSON.stringify([2, 'items']) },
    ])
    expect(Array.from(inserted!.changes)).toEqual([1, 1, 0])
    expect(Array.from(inserted!.rowids).slice(0, 2)).toEqual([1, 2])
    expect(Array.from(counted!.changes)).toEqual([1])
    // Committed by the time the promise resolves: another connection sees it.
    expect(read('select name, qty from items order by id')).toEqual([{ name: 'bolt', qty: 10 }, { name: 'nut', qty: 20 }])
    expect(read('select n from counters')).toEqual([{ n: 2 }])
  })

  it('rolls back every step when one fails, says why, and goes on taking work', async () => {
    writer = new SqliteWriter({ path, pragmas: SQLITE_PRAGMAS, statements: STATEMENTS })
    const failing = writer.run([
      { statement: 'count', width: 2, values: [5, 'items'] },
      { statement: 'insert', width: 2, values: ['washer', 1, 'washer', 2] },
    ])
    await expect(failing).rejects.toThrow(/UNIQUE constraint failed: items.name/)
    await expect(failing).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' })
    expect(read('select count(*) as n from items')).toEqual([{ n: 0 }])
    expect(read('select n from counters')).toEqual([{ n: 0 }])
    await writer.run([{ statement: 'insert', width: 2, values: ['washer', 1] }])
    expect(read('select name from items')).toEqual([{ name: 'washer' }])
  })

  it('runs SQL it was not opened with, and a statement without parameters once', async () => {
    writer = new SqliteWriter({ path, pragmas: SQLITE_PRAGMAS, statements: STATEMENTS })
    const [inserted, doubled] = await writer.run([
      { sql: 'insert into items (name, qty) values (?, ?)', width: 2, values: ['gear', 3, 'cog', 4] },
      { sql: 'update items set qty = qty * 2', width: 0, values: [] },
    ])
    expect(Array.from(inserted!.changes)).toEqual([1, 1])
    expect(Array.from(doubled!.changes)).toEqual([2])
    expect(read('select name, qty from items order by id')).toEqual([{ name: 'gear', qty: 6 }, { name: 'cog', qty: 8 }])
  })

  it('inserts rows several a statement, the rest one by one, and refuses to group anything but a plain insert', async () => {
    writer = new SqliteWriter({ path, pragmas: SQLITE_PRAGMAS, statements: STATEMENTS })
    const values = Array.from({ length: 7 }, (_, i) => [`part-${i}`, i]).flat()
    const [inserted] = await writer.run([{ sql: 'insert into items (name, qty) values (?, ?)', width: 2, values, rowsPerStatement: 3 }])
    expect(Array.from(inserted!.changes)).toEqual([1, 1, 1, 1, 1, 1, 1])
    expect(read('select name, qty from items order by id')).toEqual(Array.from({ length: 7 }, (_, i) => ({ name: `part-${i}`, qty: i })))
    await expect(writer.run([{ sql: 'update items set qty = ?', width: 1, values: [1, 2], rowsPerStatement: 2 }])).rejects.toThrow(/rowsPerStatement takes a plain one-row insert/)
    // A failing group rolls back the message like any other step.
    await expect(writer.run([{ sql: 'insert into items (name, qty) values (?, ?)', width: 2, values: ['new', 1, 'part-0', 2], rowsPerStatement: 2 }])).rejects.toThrow(/UNIQUE constraint failed/)
    expect(read('select count(*) as n from items')).toEqual([{ n: 7 }])
  })

  it('takes parameters the same in every row once, grouped or not', async () => {
    writer = new SqliteWriter({ path, pragmas: SQLITE_PRAGMAS, statements: STATEMENTS })
    const sql = 'insert into items (name, qty) values (?, ?)'
    await writer.run([{ sql, width: 2, values: ['a', 'b', 'c', 'd', 'e'], fixed: [[1, 7]], rowsPerStatement: 2 }])
    await writer.run([{ sql, width: 2, values: [8], fixed: [[0, 'f']], expectChanges: 1 }])
    expect(read('select name, qty from items order by id')).toEqual([...['a', 'b', 'c', 'd', 'e'].map((name) => ({ name, qty: 7 })), { name: 'f', qty: 8 }])
    await expect(writer.run([{ sql, width: 2, values: [], fixed: [[0, 'x'], [1, 1]] }])).rejects.toThrow(/fixes every parameter/)
  })

  it('refuses the whole message as a write conflict when a row changes other than expected', async () => {
    writer = new SqliteWriter({ path, pragmas: SQLITE_PRAGMAS, statements: STATEMENTS })
    await writer.run([{ statement: 'insert', width: 2, values: ['gear', 3] }])
    const conflicting = writer.run([
      { statement: 'insert', width: 2, values: ['cog', 4] },
      { sql: 'update items set qty = ? where name = ? and qty = ?', width: 3, values: [5, 'gear', 3, 6, 'gear', 3], expectChanges: 1 },
    ])
    await expect(conflicting).rejects.toMatchObject({ code: WRITE_CONFLICT, message: expect.stringMatching(/^step 2 .* changed 0 rows for row 2, expected 1/) })
    expect(read('select name, qty from items order by id')).toEqual([{ name: 'gear', qty: 3 }])
    // Grouped inserts are checked too, a statement at a time (a plain insert changes exactly its rows: here 2 of the 4 expected).
    const grouped = writer.run([{ sql: 'insert into items (name, qty) values (?, ?)', width: 2, values: ['a', 1, 'b', 2], rowsPerStatement: 2, expectChanges: 2 }])
    await expect(grouped).rejects.toMatchObject({ code: WRITE_CONFLICT, message: expect.stringMatching(/changed 2 rows for rows 1–2, expected 4/) })
    expect(read('select count(*) as n from items')).toEqual([{ n: 1 }])
  })

  it('says which file and why when it cannot start', async () => {
    writer = new SqliteWriter({ path, pragmas: SQLITE_PRAGMAS, statements: { insert: 'insert into no_such_table values (?)' } })
    await expect(writer.run([{ statement: 'insert', width: 1, values: [1] }])).rejects.toThrow(`the SQLite writer thread could not open ${path}: no such table: no_such_table`)
    writer = null
  })

  it('answers everything sent before it was closed, then refuses more', async () => {
    writer = new SqliteWriter({ path, pragmas: SQLITE_PRAGMAS, statements: STATEMENTS })
    const sent = Array.from({ length: 20 }, (_, i) => writer!.run([{ statement: 'insert', width: 2, values: [`item-${i}`, i] }]))
    await writer.close()
    expect((await Promise.all(sent)).map(([result]) => result!.rowids[0])).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    await expect(writer.run([{ statement: 'insert', width: 2, values: ['late', 0] }])).rejects.toThrow(/writer thread stopped/)
    writer = null
  })

  it('waits for a Kysely transaction on the main connection instead of invalidating what it read', async () => {
    const store = await openStore(`sqlite:${path}`)
    try {
      writer = new SqliteWriter({ path, pragmas: SQLITE_PRAGMAS, statements: STATEMENTS })
      await writer.run([{ statement: 'insert', width: 2, values: ['warm-up', 0] }]) // the thread is up
      let written: Promise<unknown> | null = null
      await store.db.transaction().execute(async (trx) => {
        const { n } = await sql<{ n: number }>`select count(*) as n from items`.execute(trx).then((r) => r.rows[0]!)
        // The writer commits while this transaction is open (a deferred BEGIN would let it,
        // and this transaction's write below would then fail with SQLITE_BUSY_SNAPSHOT).
        written = writer!.run([{ statement: 'insert', width: 2, values: ['from the writer', 1] }])
        await new Promise((resolve) => setTimeout(resolve, 50))
        await sql`insert into items (name, qty) values ('from main', ${n})`.execute(trx)
      })
      await written
      expect(read('select name, qty from items order by id')).toEqual([{ name: 'warm-up', qty: 0 }, { name: 'from main', qty: 1 }, { name: 'from the writer', qty: 1 }])
    } finally {
      await store.close()
    }
  })

  it('never holds a finished process open while idle', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url))
    const script = `
      import { SqliteWriter } from ${JSON.stringify(join(root, 'src/store/sqlite-writer.ts'))}
      const writer = new SqliteWriter({ path: ${JSON.stringify(path)}, pragmas: [], statements: { insert: ${JSON.stringify(STATEMENTS.insert)} } })
      await writer.run([{ statement: 'insert', width: 2, values: ['left open', 1] }])
      new SqliteWriter({ path: ${JSON.stringify(path)}, pragmas: [], statements: {} }) // opened, never used
      console.log('done')`
    const file = join(dir, 'left-open.mts')
    writeFileSync(file, script)
    const child = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: root, encoding: 'utf8', timeout: 20_000 })
    expect(child.stderr).toBe('')
    expect(child.stdout.trim()).toBe('done')
    expect(child.status).toBe(0) // not killed by the timeout
    expect(read('select name from items')).toEqual([{ name: 'left open' }])
  })
})
