import { Command, CommanderError } from 'commander'
import { AppError } from '../app-error.ts'
import { auditCommand } from './commands/audit.ts'
import { migrateCommand } from './commands/migrate.ts'
import { serveCommand } from './commands/serve.ts'
import { userCommand } from './commands/user.ts'

const program = new Command('fengkong')
  .description('Fengkong (风控): customer risk management — know, rate, watch, warn, act, and keep a verifiable record')
  .version('0.1.0')
  .showHelpAfterError()

serveCommand(program)
migrateCommand(program)
userCommand(program)
auditCommand(program)

try {
  await program.parseAsync(process.argv)
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode)
  if (error instanceof AppError) {
    console.error(`error: ${error.message}`)
    for (const detail of error.details) console.error(`  ${detail.path}: ${detail.message}`)
  } else {
    console.error(`error: ${(error as Error).message}`)
  }
  process.exit(2)
}
