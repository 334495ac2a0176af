import type { Admin } from 'kafkajs';

export interface PartitionLag {
  topic: string;
  partition: number;
  group: string;
  lag: number;
}

/** How far `group` is behind the end of each partition of `topics` (never-committed partitions count from the start). */
export async function consumerLag(admin: Admin, group: string, topics: string[]): Promise<PartitionLag[]> {
  const committed = await admin.fetchOffsets({ groupId: group, topics });
  const rows: PartitionLag[] = [];
  for (const { topic, partitions } of committed) {
    const ends = await admin.fetchTopicOffsets(topic);
    for (const end of ends) {
      const offset = partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
      const from = Number(offset) >= 0 ? Number(offset) : Number(end.low);
      rows.push({ topic, partition: end.partition, group, lag: Math.max(0, Number(end.high) - from) });
    }
  }
  return rows;
}
