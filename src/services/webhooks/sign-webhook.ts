import { createHmac } from 'node:crypto'

/**
 * The signature a receiver checks: HMAC-SHA256 with the webhook's secret over the timestamp,
 * a dot and the body exactly as sent, in hex, sent as X-Fengkong-Signature: sha256=HEX.
 */
export function signWebhook({ secret, timestamp, body }: { secret: string; timestamp: string; body: string }): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`
}
