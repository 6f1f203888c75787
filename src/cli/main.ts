import { Command, CommanderError } from 'commander'
import { AppError } from '../app-error.ts'
import { auditCommand } from './commands/audit.ts'
import { demoCommand } from './commands/demo.ts'
import { exportCommand } from './commands/export.ts'
import { importCommand } from './commands/import.ts'
import { migrateCommand } from './commands/migrate.ts'
import { modelCommand } from './commands/model.ts'
import { serveCommand } from './commands/serve.ts'
import { userCommand } from './commands/user.ts'
import { workerCommand } from './commands/worker.ts'
import { rulesCommand } from './commands/rules.ts'

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

serveCommand(program)
migrateCommand(program)
userCommand(program)
auditCommand(program)
demoCommand(program)
importCommand(program)
exportCommand(program)
modelCommand(program)
workerCommand(program)
rulesCommand(program)

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
