/** Headers a dead letter carries besides the original ones; replay strips them. */
export const DLQ_HEADERS = {
  reason: 'dlq_reason',
  originalTopic: 'dlq_original_topic',
  originalPartition: 'dlq_original_partition',
  originalOffset: 'dlq_original_offset',
  consumerGroup: 'dlq_consumer_group',
  attempts: 'dlq_attempts',
  failedAt: 'dlq_failed_at',
} as const;

export const DLQ_HEADER_PREFIX = 'dlq_';
