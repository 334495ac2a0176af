import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { TOPICS } from '@msp/contracts';
import { createTestDatabase, expectEventually, testKafkaBrokers } from '@msp/testing';
import { OutboxRelay } from '../src';
import { BookingService } from './fixtures/booking.service';
import { startMessagingTestApp } from './fixtures/messaging-test-app';

const kcatInstalled = (() => {
  try {
    execFileSync('kcat', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
// CI installs kcat (.ci/run); elsewhere the spec says why it is skipped rather than failing on a missing tool.
const itWithKcat = kcatInstalled || process.env.CI ? it : it.skip;
if (!kcatInstalled && !process.env.CI)
  console.warn('kcat is not installed (apt-get install kcat): skipping the independent-client check');

interface KcatRecord {
  key: string;
  payload: string;
  headers: string[];
}

describe('events on the wire, read by an independent client (kcat)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase('wire');
    app = await startMessagingTestApp(database.url);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  itWithKcat(
    'carries CloudEvents attributes as ce_ headers, the aggregate id as key, and no patient identity',
    async () => {
      const appointmentId = await app.get(BookingService).book(randomUUID());
      await app.get(OutboxRelay).flush();
      // The topic is shared with every spec (whole demo months among them): read only its latest records.
      const record = await expectEventually(() => {
        const output = execFileSync(
          'kcat',
          ['-b', testKafkaBrokers()[0], '-C', '-t', TOPICS.scheduling, '-o', '-2000', '-e', '-J', '-q'],
          {
            encoding: 'utf8',
            maxBuffer: 256 * 1024 * 1024,
          },
        );
        const found = output
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as KcatRecord)
          .find((r) => r.key === appointmentId);
        expect(found).toBeDefined();
        return found!;
      });
      const headers = Object.fromEntries(record.headers.flatMap((_, i, all) => (i % 2 ? [] : [[all[i], all[i + 1]]])));
      expect(headers).toMatchObject({
        ce_specversion: '1.0',
        ce_type: 'scheduling.appointment.booked.v1',
        ce_source: '/msp/spec',
        ce_subject: appointmentId,
        'content-type': 'application/json',
      });
      expect(headers.ce_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Date(headers.ce_time).toString()).not.toBe('Invalid Date');
      const payload = JSON.parse(record.payload);
      expect(payload.appointmentId).toBe(appointmentId);
      expect(Object.keys(payload).filter((k) => /name|phone|mail|birth/i.test(k))).toEqual([]);
    },
  );
});
