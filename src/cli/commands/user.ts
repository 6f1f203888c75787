import type { Command } from 'commander'
import { invalidField } from '../../app-error.ts'
import { isRole, passwordProblem, ROLES } from '../../domain/identity/index.ts'
import { ensureTeam } from '../../services/teams/ensure-team.ts'
import { createUser } from '../../services/users/create-user.ts'
import { updateUser } from '../../services/users/update-user.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { findUserRowByEmail, listUsers } from '../../store/repositories/users.ts'
import { cliActor, DB_OPTION_HELP, withStore } from '../with-store.ts'

export function userCommand(program: Command): void {
  const user = program.command('user').description('manage users')

  user
    .command('add')
    .description('create a user (the team is created when it does not exist)')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--password <password>', 'at least 8 characters, mixing letters with digits or symbols')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .option('--name <name>', 'display name (default: the part of the email before @)')
    .option('--team <team>', 'team or department name')
    .option('--db <url>', DB_OPTION_HELP)
    .action(async (options: { email: string; password: string; role: string; name?: string; team?: string; db?: string }) => {
      // Refuse what createUser would refuse before --team creates (and audits) a team for nobody.
      if (!isRole(options.role)) throw invalidField('role', `must be one of ${ROLES.join(', ')}`)
      const weakness = passwordProblem(options.password)
      if (weakness) throw invalidField('password', weakness)
      await withStore(options.db, async (store) => {
        const actor = cliActor()
        // One commit for the team and the user: a refused user leaves no team behind.
        const { team, created } = await withTransaction(store.db, async (trx) => {
          const unit = { ...store, db: trx }
          const team = options.team ? await ensureTeam({ store: unit, actor, name: options.team }) : undefined
          const input = { email: options.email, password: options.password, role: options.role, name: options.name, teamId: team?.id ?? null }
          return { team, created: await createUser({ store: unit, actor, input }) }
        })
        console.log(`created ${created.role} ${created.email} (${created.id})${team ? ` in team ${team.name}` : ''}`)
      })
    })

  user
    .command('set-password')
    .description("set a user's password (their sessions end)")
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--password <password>', 'the new password')
    .option('--db <url>', DB_OPTION_HELP)
    .action(async (options: { email: string; password: string; db?: string }) => {
      await withStore(options.db, async (store) => {
        const row = await findUserRowByEmail(store.db, options.email)
        if (!row) throw invalidField('email', 'names no user')
        await updateUser({ store, actor: cliActor(), userId: row.id, changes: { password: options.password } })
        console.log(`password of ${row.email} changed`)
      })
    })

  user
    .command('list')
    .description('list users')
    .option('--db <url>', DB_OPTION_HELP)
    .action(async (options: { db?: string }) => {
      await withStore(options.db, async (store) => {
        const users = await listUsers(store.db)
        for (const u of users) console.log(`${u.email}\t${u.role}\t${u.active ? 'active' : 'inactive'}\t${u.name}`)
        if (users.length === 0) console.log('no users yet: add one with `fengkong user add --email E --password P --role admin`')
      })
    })
}
