// The SQLite writer thread (plain JavaScript: Node starts it as it is, from source or from dist/).
// It holds its own connection to the database file and runs the statements it was opened with,
// each message's steps in one IMMEDIATE transaction: the commit, its fsync and any WAL
// checkpoint happen here, off the thread that serves requests. See sqlite-writer.ts.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'

const { path, pragmas, statements, conflictCode } = workerData
let db
let prepared
try {
  db = new Database(path)
  for (const pragma of pragmas) db.pragma(pragma)
  prepared = new Map(Object.entries(statements).map(([name, sql]) => [name, db.prepare(sql)]))
} catch (error) {
  // A plain Error crosses to the parent with its message; better-sqlite3's SqliteError arrives as its code alone.
  throw new Error(`the SQLite writer thread could not open ${path}: ${error.message}`)
}

const bySql = new Map()
function statementOf({ statement, sql }) {
  if (sql !== undefined) {
    let cached = bySql.get(sql)
    if (!cached) bySql.set(sql, (cached = db.prepare(sql)))
    return cached
  }
  const named = prepared.get(statement)
  if (!named) throw new Error(`the writer has no statement named ${statement}`)
  return named
}

/** `insert into t (…) values (?, …)` for `count` rows a statement: the tuple after the last `values` repeated. */
function groupedInsert(sql, count) {
  const key = `${count}×${sql}`
  let cached = bySql.get(key)
  if (!cached) {
    const at = sql.toLowerCase().lastIndexOf(' values ')
    if (!/^insert into /i.test(sql) || at < 0) throw new Error(`rowsPerStatement takes a plain one-row insert, not: ${sql}`)
    const tuple = sql.slice(at + ' values '.length)
    bySql.set(key, (cached = db.prepare(`${sql.slice(0, at)} values ${Array.from({ length: count }, () => tuple).join(', ')}`)))
  }
  return cached
}

/**
 * A step's parameters for `count` rows a statement, refilled row after row: the fixed ones
 * written once, `slots` the positions the rows' own values go to.
 */
function parameterLayout(width, fixed, count) {
  const params = new Array(width * count)
  const isFixed = new Array(width).fill(false)
  for (const [position, value] of fixed) {
    isFixed[position] = true
    for (let group = 0; group < count; group += 1) params[group * width + position] = value
  }
  const slots = []
  for (let group = 0; group < count; group += 1) for (let position = 0; position < width; position += 1) if (!isFixed[position]) slots.push(group * width + position)
  return { params, slots }
}

/** The error an `expectChanges` step raises when a row changed other than expected (its code is sqlite-writer.ts's WRITE_CONFLICT). */
function conflict(step, index, row, changed, count = 1) {
  const rows = count === 1 ? `row ${row + 1}` : `rows ${row + 1}–${row + count}`
  const message = `step ${index + 1} (${step.statement ?? step.sql}) changed ${changed} rows for ${rows}, expected ${step.expectChanges * count}: the store changed since the batch was planned`
  return Object.assign(new Error(message), { code: conflictCode })
}

const runSteps = db.transaction((steps) =>
  steps.map((step, index) => {
    const { width, values: sent, expectChanges, rowsPerStatement = 1, fixed = [] } = step
    // Large batches come as one JSON text: copying a string to this thread costs next to nothing, cloning an array of many small values does not.
    const values = typeof sent === 'string' ? JSON.parse(sent) : sent
    const prepare = statementOf(step)
    const given = width - fixed.length
    if (width > 0 && given === 0) throw new Error(`step ${index + 1} fixes every parameter, so its rows cannot be counted: leave one out of fixed`)
    const rows = width === 0 ? 1 : values.length / given
    const changes = new Int32Array(rows)
    const rowids = new Float64Array(rows)
    let row = 0
    if (rowsPerStatement > 1 && rows >= rowsPerStatement) {
      // Whole groups first; a plain insert that does not throw inserted every row of its group.
      const grouped = groupedInsert(step.sql, rowsPerStatement)
      const { params, slots } = parameterLayout(width, fixed, rowsPerStatement)
      for (; row + rowsPerStatement <= rows; row += rowsPerStatement) {
        for (let i = 0, at = row * given; i < slots.length; i += 1) params[slots[i]] = values[at + i]
        const result = grouped.run(params)
        if (expectChanges !== undefined && result.changes !== expectChanges * rowsPerStatement) throw conflict(step, index, row, result.changes, rowsPerStatement)
        changes.fill(1, row, row + rowsPerStatement)
      }
    }
    // One parameter array refilled per row: no garbage per row on a thread that does little else.
    const { params, slots } = parameterLayout(width, fixed, 1)
    for (; row < rows; row += 1) {
      for (let i = 0, at = row * given; i < slots.length; i += 1) params[slots[i]] = values[at + i]
      const result = prepare.run(params)
      if (expectChanges !== undefined && result.changes !== expectChanges) throw conflict(step, index, row, result.changes)
      changes[row] = result.changes
      rowids[row] = Number(result.lastInsertRowid)
    }
    return { changes, rowids }
  }),
)

parentPort.on('message', (message) => {
  if (message.close) {
    db.close()
    parentPort.close()
    return
  }
  try {
    const results = runSteps.immediate(message.steps)
    parentPort.postMessage({ id: message.id, results }, results.flatMap((r) => [r.changes.buffer, r.rowids.buffer]))
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: { message: error.message, code: error.code } })
  }
})
