import { connect, type NatsConnection } from '@nats-io/transport-node'

/** Connects to NATS, or fails with a message that names the URL and what to do. */
export async function connectNats(url: string): Promise<NatsConnection> {
  try {
    return await connect({ servers: url.replace(/^nats:\/\//, ''), name: 'fengkong', timeout: 5000 })
  } catch (error) {
    throw new Error(`cannot reach NATS at ${url}: ${(error as Error).message} (is nats-server running with JetStream, -js?)`, { cause: error })
  }
}
