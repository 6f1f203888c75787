import { readdirSync } from 'node:fs'

/** Runs every bench/*.bench.ts (or those whose name contains an argument): `npm run bench -- audit`. */
const filters = process.argv.slice(2)
const files = readdirSync(import.meta.dirname)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort()

for (const file of files) {
  const bench = (await import(`./${file}`)) as { run: () => Promise<void> }
  console.log(`\n=== ${file} ===`)
  await bench.run()
}
