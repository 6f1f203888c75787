import { jetstreamManager, RetentionPolicy, StorageType, type JetStreamManager } from '@nats-io/jetstream'
import type { NatsConnection } from '@nats-io/transport-node'
import { ACTIVITY_STREAM, TRANSACTIONS_SUBJECT } from './subjects.ts'

/**
 * Creates the activity stream when it is missing: file storage (a message JetStream
 * acknowledged survives a restart of the NATS server), work-queue retention (a message is
 * gone once the engine worker acknowledged it, after its transactions were committed).
 */
export async function ensureActivityStream(nc: NatsConnection): Promise<JetStreamManager> {
  const jsm = await jetstreamManager(nc)
  try {
    await jsm.streams.info(ACTIVITY_STREAM)
  } catch {
    await jsm.streams.add({ name: ACTIVITY_STREAM, subjects: [TRANSACTIONS_SUBJECT], storage: StorageType.File, retention: RetentionPolicy.Workqueue })
  }
  return jsm
}
