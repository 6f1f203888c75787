import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { ExposureBasis } from '../../schemas/portfolio.ts'
import type { Database } from '../schema.ts'

/**
 * The portfolio's aggregate queries. The per-customer positions (EAD, grade, PD, industry,
 * region) are built inside the database and grouped there: a request brings back tens of
 * rows (buckets, the largest names, the customers that relationships tie), never one row per
 * customer, and never the invoices, payments or transactions themselves.
 */
export type Dialect = 'sqlite' | 'postgres'

export type { ExposureBasis }

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value))

/**
 * Each customer's latest graded assessment created by `asOf` (the override's grade where there
 * is one), ties in time broken by the larger id. SQLite: a bare-column aggregate, which takes the
 * other columns from the row holding the max; PostgreSQL: DISTINCT ON. Both read only the
 * covering index assessments_graded_portfolio.
 */
function graded(dialect: Dialect, asOf: string): RawBuilder<unknown> {
  return dialect === 'sqlite'
    ? sql`select customer_id, final_grade as grade, pd, max(created_at || '|' || id) as latest
          from assessments where final_grade is not null and created_at <= ${asOf} group by customer_id`
    : // pd is a float4 here: through its text, 0.02 stays 0.02 instead of widening to 0.0199999995…
      sql`select distinct on (customer_id) customer_id, final_grade as grade, cast(cast(pd as text) as double precision) as pd
          from assessments where final_grade is not null and created_at <= ${asOf} order by customer_id, created_at desc, id desc`
}

/** EAD per customer and currency, before conversion. */
function amounts(dialect: Dialect, basis: ExposureBasis, asOf: number): RawBuilder<unknown> {
  if (basis === 'limit') {
    return sql`select customer_id, currency, sum(credit_limit) as amount from contracts
               where status = 'active' and credit_limit is not null group by customer_id, currency`
  }
  // An open invoice owes its amount less what payments made by asOf allocated to it, never below 0.
  // The invoice carries what was allocated to it and when the latest of it was paid (migration
  // 0017): when that is by asOf, the invoice alone answers; only an invoice paid after asOf
  // looks at its allocations. max/greatest reads open_amount once.
  const clamp = dialect === 'sqlite' ? sql`max(open_amount, 0)` : sql`greatest(open_amount, 0)`
  return sql`select customer_id, currency, sum(${clamp}) as amount
    from (
      select i.customer_id, i.currency, i.amount - case
        when i.paid_through is null then 0
        when i.paid_through <= ${asOf} then i.paid_amount
        else coalesce((
          select sum(pa.amount) from payment_allocations pa
          join payments p on p.source = pa.source and p.id = pa.payment_id
          where pa.source = i.source and pa.invoice_id = i.id and p.at <= ${asOf}
        ), 0) end as open_amount
      from invoices i
      where i.status = 'open' and i.issued_at <= ${asOf}
    ) open_invoices
    group by customer_id, currency`
}

/** The conversion rates as a table: the reporting currency at 1, then the configured ones. */
function ratesTable(reporting: string, rates: Readonly<Record<string, number>>): RawBuilder<unknown> {
  const entries = [[reporting, 1] as const, ...Object.entries(rates).filter(([currency]) => currency !== reporting)]
  return sql`values ${sql.join(entries.map(([currency, rate]) => sql`(cast(${currency} as text), cast(${rate} as double precision))`))}`
}

export type PortfolioFiguresOptions = {
  dialect: Dialect
  basis: ExposureBasis
  /** ISO time the grades are read as of; `asOfMs` the same in epoch ms, for what is owed. */
  asOf: string
  asOfMs: number
  reporting: string
  rates: Readonly<Record<string, number>>
  lgd: number
  /** Customers whose share of the total is above this are returned as `over` (breach candidates); null: none. */
  /** The largest customers are returned (`top`, at least as many as can be above `overShare`), and those above it as `over`. */
  overShare: number | null
  top: number
  /** 'groups': only what connected groups need (totals, grades, the tied customers). Default 'all'. */
  parts?: 'all' | 'groups'
}

export type Bucket = { key: string | null; name: string | null; exposure: number; customers: number; exposed: number }
export type NamedExposure = { id: string; exposure: number; grade: string | null; pd: number | null; el: number }

export type PortfolioFigures = {
  totals: { exposure: number; customers: number; exposed: number; sumOfSquares: number }
  grades: Bucket[]
  industries: Bucket[]
  regions: Bucket[]
  expectedLoss: { total: number; ratedExposure: number }
  unrated: { exposure: number; customers: number }
  /** The largest customers by EAD. */
  top: NamedExposure[]
  /** The largest customers by EAD that no relationship names. */
  topUntied: NamedExposure[]
  /** The largest by expected loss. */
  topEl: NamedExposure[]
  over: NamedExposure[]
  /** Every customer a relationship names, with its EAD (the input of connected groups). */
  tied: NamedExposure[]
  unconverted: { currency: string; amount: number; customers: number }[]
}

/**
 * Every figure of the portfolio summary in one statement: the positions are built once
 * (materialised) and grouped by grade, industry and region, summed, and searched for the
 * largest names. Sums are doubles: minor-unit totals stay exact below 2⁵³.
 */
export async function readPortfolioFigures(db: Kysely<Database>, options: PortfolioFiguresOptions): Promise<PortfolioFigures> {
  const { dialect, basis, asOf, asOfMs, reporting, rates, lgd, overShare, parts = 'all' } = options
  // At most ⌊1 / share⌋ customers can each hold more than that share: the top list then holds every one.
  const top = overShare === null || !(overShare > 0) ? options.top : Math.max(options.top, Math.floor(1 / overShare))
  const dbl = (expression: RawBuilder<unknown>) => sql`cast(${expression} as double precision)`
  const txt = (expression: RawBuilder<unknown>) => sql`cast(${expression} as text)`
  const row = (dim: string, key: RawBuilder<unknown>, name: RawBuilder<unknown>, a: RawBuilder<unknown>, b: RawBuilder<unknown>, c: RawBuilder<unknown>, d: RawBuilder<unknown>) =>
    sql`select ${txt(sql.lit(dim))} as dim, ${txt(key)} as key, ${txt(name)} as name, ${dbl(a)} as a, ${dbl(b)} as b, ${dbl(c)} as c, ${dbl(d)} as d`
  const none = sql`null`
  const exposed = sql`sum(case when ead > 0 then 1 else 0 end)`
  const el = sql`round(pd * ${lgd} * ead)`
  const named = (dim: string, where: RawBuilder<unknown>, order: RawBuilder<unknown>, limit: number | null) =>
    sql`select * from (${row(dim, sql`id`, sql`grade`, sql`ead`, sql`pd`, sql`case when pd is null then null else ${el} end`, none)}, ${dbl(none)} as e, ${dbl(none)} as f, ${dbl(none)} as g from positions where ${where} order by ${order}${limit === null ? sql`` : sql` limit ${limit}`}) ${sql.raw(`${dim}_rows`)}`

  const result = await sql<{ dim: string; key: string | null; name: string | null; a: number | string | null; b: number | string | null; c: number | string | null; d: number | string | null; e: number | string | null; f: number | string | null; g: number | string | null }>`
    with
    rates (currency, rate) as (${ratesTable(reporting, rates)}),
    by_currency as materialized (${amounts(dialect, basis, asOfMs)}),
    owed as (
      select o.customer_id, sum(round(o.amount * r.rate)) as ead
      from by_currency o join rates r on r.currency = o.currency group by o.customer_id
    ),
    graded as (${graded(dialect, asOf)}),
    tied_ids as (select from_customer_id as id from relationships union select to_customer_id from relationships),
    positions as materialized (
      select c.id, coalesce(c.industry_code, c.industry_name) as industry, coalesce(c.industry_name, c.industry_code) as industry_name, c.region,
             g.grade, g.pd, coalesce(w.ead, 0) as ead
      from customers c left join graded g on g.customer_id = c.id left join owed w on w.customer_id = c.id
    )
    ${row('grade', sql`grade`, none, sql`sum(ead)`, sql`count(*)`, exposed, sql`sum(cast(ead as double precision) * ead)`)},
      ${dbl(sql`sum(case when pd is null then 0 else ${el} end)`)} as e, ${dbl(sql`sum(case when pd is null then 0 else ead end)`)} as f, ${dbl(sql`sum(case when pd is null and ead > 0 then 1 else 0 end)`)} as g
      from positions group by grade
    union all ${named('tied', sql`id in (select id from tied_ids)`, sql`id`, null)}
    ${
      parts === 'groups'
        ? sql``
        : sql`
    union all ${row('industry', sql`industry`, sql`max(industry_name)`, sql`sum(ead)`, sql`count(*)`, exposed, none)}, ${dbl(none)} as e, ${dbl(none)} as f, ${dbl(none)} as g from positions group by industry
    union all ${row('region', sql`region`, none, sql`sum(ead)`, sql`count(*)`, exposed, none)}, ${dbl(none)} as e, ${dbl(none)} as f, ${dbl(none)} as g from positions group by region
    union all ${named('top', sql`ead > 0`, sql`ead desc, id`, top)}
    union all ${named('top_untied', sql`ead > 0 and id not in (select id from tied_ids)`, sql`ead desc, id`, top)}
    union all ${named('el_top', sql`pd is not null and ${el} > 0`, sql`${el} desc, id`, top)}
    union all ${row('unconverted', sql`currency`, none, sql`sum(amount)`, sql`count(distinct customer_id)`, none, none)}, ${dbl(none)} as e, ${dbl(none)} as f, ${dbl(none)} as g
      from by_currency where amount > 0 and currency not in (select currency from rates) group by currency`
    }
  `.execute(db)

  const figures: PortfolioFigures = {
    totals: { exposure: 0, customers: 0, exposed: 0, sumOfSquares: 0 },
    grades: [],
    industries: [],
    regions: [],
    expectedLoss: { total: 0, ratedExposure: 0 },
    unrated: { exposure: 0, customers: 0 },
    top: [],
    topUntied: [],
    topEl: [],
    over: [],
    tied: [],
    unconverted: [],
  }
  const lists = { top: figures.top, top_untied: figures.topUntied, el_top: figures.topEl, tied: figures.tied } as Record<string, NamedExposure[]>
  for (const r of result.rows) {
    const bucket = (): Bucket => ({ key: r.key, name: r.name, exposure: num(r.a), customers: num(r.b), exposed: num(r.c) })
    if (r.dim === 'grade') {
      // The grade rows also carry the totals: squares, expected loss, rated and unrated exposure.
      figures.grades.push(bucket())
      const t = figures.totals
      figures.totals = { exposure: t.exposure + num(r.a), customers: t.customers + num(r.b), exposed: t.exposed + num(r.c), sumOfSquares: t.sumOfSquares + num(r.d) }
      figures.expectedLoss = { total: figures.expectedLoss.total + num(r.e), ratedExposure: figures.expectedLoss.ratedExposure + num(r.f) }
      figures.unrated = { exposure: figures.unrated.exposure + num(r.a) - num(r.f), customers: figures.unrated.customers + num(r.g) }
    } else if (r.dim === 'industry') figures.industries.push(bucket())
    else if (r.dim === 'region') figures.regions.push(bucket())
    else if (r.dim === 'unconverted') figures.unconverted.push({ currency: r.key!, amount: num(r.a), customers: num(r.b) })
    else lists[r.dim]!.push({ id: r.key!, grade: r.name, exposure: num(r.a), pd: r.b === null ? null : Number(r.b), el: num(r.c) })
  }
  if (overShare !== null) figures.over.push(...figures.top.filter((t) => t.exposure > overShare * figures.totals.exposure))
  figures.top.splice(options.top)
  figures.unconverted.sort((a, b) => (a.currency < b.currency ? -1 : 1))
  return figures
}

export type GradePair = { from: string | null; to: string | null; customers: number }

/**
 * How many customers went from each grade at `fromEnd` to each grade at `toEnd` (null: no
 * grade, or out of the portfolio: closed, last changed by then). One grouped statement.
 */
export async function readGradePairs(db: Kysely<Database>, { dialect, fromEnd, toEnd }: { dialect: Dialect; fromEnd: string; toEnd: string }): Promise<GradePair[]> {
  const inPortfolio = (at: string) => sql`not exists (select 1 from customers c where c.id = g.customer_id and c.status = 'closed' and c.updated_at <= ${at})`
  // A left join and the customers graded only at the end, rather than a full outer join, which SQLite runs as nested loops.
  const result = await sql<{ from_grade: string | null; to_grade: string | null; customers: number | string }>`
    with
    g_from as materialized (select g.customer_id, g.grade from (${graded(dialect, fromEnd)}) g where ${inPortfolio(fromEnd)}),
    g_to as materialized (select g.customer_id, g.grade from (${graded(dialect, toEnd)}) g where ${inPortfolio(toEnd)})
    select f.grade as from_grade, t.grade as to_grade, count(*) as customers
    from g_from f left join g_to t on t.customer_id = f.customer_id
    group by f.grade, t.grade
    union all
    select null, t.grade, count(*) from g_to t
    where not exists (select 1 from g_from f where f.customer_id = t.customer_id)
    group by t.grade`.execute(db)
  return result.rows.map((r) => ({ from: r.from_grade, to: r.to_grade, customers: Number(r.customers) }))
}

/** The names of the given customers. */
export async function readCustomerNames(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  const unique = [...new Set(ids)]
  for (let start = 0; start < unique.length; start += 500) {
    const rows = await db.selectFrom('customers').select(['id', 'name']).where('id', 'in', unique.slice(start, start + 500)).execute()
    for (const row of rows) names.set(row.id, row.name)
  }
  return names
}

export type Tie = { fromId: string; toId: string; kind: string; sharePct: number | null }

export async function readTies(db: Kysely<Database>): Promise<Tie[]> {
  const rows = await db.selectFrom('relationships').select(['from_customer_id', 'to_customer_id', 'kind', 'share_pct']).execute()
  return rows.map((row) => ({ fromId: row.from_customer_id, toId: row.to_customer_id, kind: row.kind, sharePct: row.share_pct === null ? null : Number(row.share_pct) }))
}

export type DailySeriesCount = { day: string; series: string; count: number }

/** Alerts (not shadow hits) raised per day and severity, between two ISO times. */
export async function readAlertsPerDay(db: Kysely<Database>, from: string, to: string): Promise<DailySeriesCount[]> {
  const rows = await db
    .selectFrom('alerts')
    .select([sql<string>`substr(raised_at, 1, 10)`.as('day'), 'severity', (eb) => eb.fn.countAll<number>().as('count')])
    .where('raised_at', '>=', from)
    .where('raised_at', '<=', to)
    .where('shadow', '=', 0)
    .groupBy([sql`substr(raised_at, 1, 10)`, 'severity'])
    .execute()
  return rows.map((row) => ({ day: row.day, series: row.severity, count: Number(row.count) }))
}

/** Cases closed per day and disposition, between two ISO times. */
export async function readDispositionsPerDay(db: Kysely<Database>, from: string, to: string): Promise<DailySeriesCount[]> {
  const rows = await db
    .selectFrom('cases')
    .select([sql<string>`substr(closed_at, 1, 10)`.as('day'), 'disposition', (eb) => eb.fn.countAll<number>().as('count')])
    .where('closed_at', '>=', from)
    .where('closed_at', '<=', to)
    .groupBy([sql`substr(closed_at, 1, 10)`, 'disposition'])
    .execute()
  return rows.map((row) => ({ day: row.day, series: row.disposition ?? 'none', count: Number(row.count) }))
}
