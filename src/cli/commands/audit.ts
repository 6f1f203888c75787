import type { Command } from 'commander'
import { checkpointAuditLedger } from '../../services/audit/checkpoint-audit-ledger.ts'
import { verifyAuditLedger } from '../../services/audit/verify-audit-ledger.ts'
import { DB_OPTION_HELP, withStore } from '../with-store.ts'

export function auditCommand(program: Command): void {
  const audit = program.command('audit').description('check and anchor the hash-chained audit ledger')

  audit
    .command('verify')
    .description('re-hash every entry; exit 0 when intact, 1 naming the first bad seq')
    .option('--checkpoint <checkpoint>', 'also prove history up to a checkpoint printed by `fengkong audit checkpoint` is unchanged')
    .option('--db <url>', DB_OPTION_HELP)
    .action(async (options: { checkpoint?: string; db?: string }) => {
      const result = await withStore(options.db, (store) =>
        verifyAuditLedger({ store, checkpoint: options.checkpoint, onProgress: (n) => process.stderr.write(`\rchecked ${n} entries…`) }),
      )
      if (result.ok) {
        const anchored = result.checkpoint ? `; the first ${result.checkpoint.size} match checkpoint ${result.checkpoint.root}` : ''
        console.log(`audit ledger intact: ${result.checked} entries checked${anchored}`)
        return
      }
      const where = result.problem.seq === null ? '' : ` at seq ${result.problem.seq}`
      console.error(`audit ledger BROKEN${where}: ${result.problem.reason}`)
      process.exitCode = 1
    })

  audit
    .command('checkpoint')
    .description('print a Merkle root over all entries so far, for an outside party to hold')
    .option('--db <url>', DB_OPTION_HELP)
    .action(async (options: { db?: string }) => {
      const checkpoint = await withStore(options.db, (store) => checkpointAuditLedger({ store }))
      console.log(checkpoint.checkpoint)
      console.error(`Merkle root over ${checkpoint.size} entries. Keep it outside Fengkong; check later with:\n  fengkong audit verify --checkpoint ${checkpoint.checkpoint}`)
    })
}
