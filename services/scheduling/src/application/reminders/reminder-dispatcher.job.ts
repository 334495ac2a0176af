import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { TransactionRunner } from '@msp/persistence';
import { ReminderRepository, type DueReminder } from '../ports/reminder.repository';
import { Clock } from '@msp/service-kit';
import { PATIENT_SERVICES_SETTINGS, type PatientServicesSettings } from '../patient-services-settings';
import { NotificationProvider } from '../ports/notification-provider';

const BATCH = 50;
export const MAX_ATTEMPTS = 5;
const FIRST_RETRY_MS = 30_000;

export interface DispatchSummary {
  sent: number;
  skipped: number;
  failed: number;
}

/**
 * Sends due reminders from the notification outbox through the configured provider. Each batch is claimed with SKIP
 * LOCKED and marked in the same transaction as the send, so a reminder goes out once; a provider failure is retried
 * with exponential back-off up to MAX_ATTEMPTS. A reminder whose appointment was cancelled or moved is skipped. A crash
 * between a provider's acceptance and the commit re-sends it: adapters pass the notification id as idempotency key.
 */
@Injectable()
export class ReminderDispatcherJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReminderDispatcherJob.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<DispatchSummary>;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly reminders: ReminderRepository,
    private readonly provider: NotificationProvider,
    private readonly clock: Clock,
    @Inject(PATIENT_SERVICES_SETTINGS) private readonly settings: PatientServicesSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.settings.reminderDispatchSeconds * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  async dispatch(): Promise<DispatchSummary> {
    const summary: DispatchSummary = { sent: 0, skipped: 0, failed: 0 };
    for (;;) {
      const now = this.clock.now();
      const claimed = await this.transactions.run(async () => {
        const batch = await this.reminders.claimDue(now, BATCH);
        for (const reminder of batch) await this.sendOne(reminder, now, summary);
        return batch.length;
      });
      if (claimed < BATCH) return summary;
    }
  }

  private async sendOne(reminder: DueReminder, now: Date, summary: DispatchSummary): Promise<void> {
    if (!reminder.stillValid) {
      await this.reminders.markSkipped(reminder.id);
      summary.skipped++;
      return;
    }
    try {
      const receipt = await this.provider.send({
        notificationId: reminder.id,
        patientId: reminder.patientId,
        structureId: reminder.structureId,
        siteId: reminder.siteId,
        practitionerId: reminder.practitionerId,
        motifId: reminder.motifId,
        appointmentId: reminder.appointmentId,
        startsAt: reminder.appointmentStartsAt,
        rule: reminder.rule,
      });
      await this.reminders.markSent(reminder.id, this.provider.name, receipt.providerMessageId, now);
      summary.sent++;
    } catch (error) {
      const attempt = reminder.attempts + 1;
      const retryAt = attempt >= MAX_ATTEMPTS ? null : new Date(now.getTime() + FIRST_RETRY_MS * 2 ** (attempt - 1));
      await this.reminders.markAttemptFailed(reminder.id, (error as Error).message, retryAt);
      summary.failed++;
      this.logger.warn({ msg: 'reminder not sent', notificationId: reminder.id, attempt, willRetry: retryAt !== null });
    }
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.dispatch();
    try {
      const { sent, failed } = await this.running;
      if (sent || failed) this.logger.log(`${sent} reminder(s) sent, ${failed} failed`);
    } catch (error) {
      this.logger.warn(`Reminder dispatch failed: ${(error as Error).message}`);
    } finally {
      this.running = undefined;
    }
  }
}
