/** Names shared by API nodes and the engine worker on NATS. */
export const ACTIVITY_STREAM = 'FENGKONG_ACTIVITY'
export const TRANSACTIONS_SUBJECT = 'fengkong.activity.transactions'
/** The durable pull consumer the engine worker reads the stream with. */
export const ENGINE_CONSUMER = 'fengkong-engine'
/** Request/reply: one transaction, answered with its outcome and the features after it. */
export const EVALUATE_SUBJECT = 'fengkong.engine.evaluate'
/** Request/reply: a customer's features as of a time. */
export const FEATURES_SUBJECT = 'fengkong.engine.features'
/** Queue group: with several workers listening, each request is answered once. */
export const ENGINE_QUEUE = 'fengkong-engine'
/** NATS refuses messages over its max_payload (1 MiB by default): batches go in chunks below it. */
export const MAX_MESSAGE_BYTES = 900_000
