import { Command, CommanderError } from 'commander'
import { AppError } from '../app-error.ts'

// `fengkong export … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

const program = new Command('fengkong')
  .description('Fengkong (风控): customer risk management — know, rate, watch, warn, act, and keep a verifiable record')
  .version('0.1.0')
  .showHelpAfterError()
  // Throw usage errors to the handler below instead of exiting 1 inside commander:
  // exit 1 is reserved for `audit verify` finding a broken ledger.
  .exitOverride()

// Each command's module, loaded on demand: a run loads only the command it runs (and its
// dependencies), which keeps `fengkong user add` from loading the server, the engine and NATS.
// Help and unknown commands load them all, so the full list is shown.
const COMMANDS: Record<string, () => Promise<(program: Command) => void>> = {
  serve: async () => (await import('./commands/serve.ts')).serveCommand,
  migrate: async () => (await import('./commands/migrate.ts')).migrateCommand,
  user: async () => (await import('./commands/user.ts')).userCommand,
  audit: async () => (await import('./commands/audit.ts')).auditCommand,
  demo: async () => (await import('./commands/demo.ts')).demoCommand,
  import: async () => (await import('./commands/import.ts')).importCommand,
  export: async () => (await import('./commands/export.ts')).exportCommand,
  model: async () => (await import('./commands/model.ts')).modelCommand,
  worker: async () => (await import('./commands/worker.ts')).workerCommand,
  rules: async () => (await import('./commands/rules.ts')).rulesCommand,
  digest: async () => (await import('./commands/digest.ts')).digestCommand,
  handbook: async () => (await import('./commands/digest.ts')).handbookCommand,
}
const asked = process.argv[2]
const wanted = asked !== undefined && asked in COMMANDS ? [asked] : Object.keys(COMMANDS)
for (const name of wanted) (await COMMANDS[name]!())(program)

try {
  await program.parseAsync(process.argv)
} catch (error) {
  // --help and --version exit 0; a usage error (unknown option, missing argument) is 2, like any failure to run.
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2)
  if (error instanceof AppError) {
    console.error(`error: ${error.message}`)
    for (const detail of error.details) console.error(`  ${detail.path}: ${detail.message}`)
  } else {
    console.error(`error: ${(error as Error).message}`)
  }
  process.exit(2)
}
