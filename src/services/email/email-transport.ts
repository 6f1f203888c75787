import nodemailer from 'nodemailer'
import type { Kysely } from 'kysely'
import type { Database } from '../../store/schema.ts'

/** One email to send: the transport sets the sender. */
export type OutgoingEmail = { to: string; subject: string; text: string; messageId: string }

/** Sends one email or throws why it could not. */
export type MailTransport = { send(email: OutgoingEmail): Promise<void>; close(): void }

export type SmtpTransportOptions = { url: string; from: string; timeoutMs?: number }

/** An SMTP transport for smtp://user:pass@host:port (smtps:// for TLS from the start). */
export function createSmtpTransport({ url, from, timeoutMs = 10_000 }: SmtpTransportOptions): MailTransport {
  const transporter = nodemailer.createTransport({ url, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs })
  return {
    async send({ to, subject, text, messageId }) {
      await transporter.sendMail({ from, to, subject, text, messageId: `<${messageId}@fengkong>` })
    },
    close: () => transporter.close(),
  }
}

/**
 * Records whether this deployment sends email: the server writes it when it starts, and events
 * queue emails only while it says configured — when SMTP is not configured nothing is queued,
 * and the emails still pending then are dropped.
 */
export async function recordEmailTransport(db: Kysely<Database>, { configured, at = new Date().toISOString() }: { configured: boolean; at?: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('email_transport').set({ configured: configured ? 1 : 0, updated_at: at }).where('id', '=', 'smtp').executeTakeFirst()
    if (Number(updated.numUpdatedRows) === 0) await trx.insertInto('email_transport').values({ id: 'smtp', configured: configured ? 1 : 0, updated_at: at }).execute()
    if (!configured) await trx.updateTable('email_deliveries').set({ status: 'dropped', next_attempt_at: null }).where('status', '=', 'pending').execute()
  })
}

export async function isEmailConfigured(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('email_transport').select('configured').where('id', '=', 'smtp').executeTakeFirst()
  return Number(row?.configured ?? 0) === 1
}
