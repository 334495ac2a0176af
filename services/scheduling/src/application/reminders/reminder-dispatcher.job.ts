import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { TransactionRunner } from '@msp/persistence';
import { ReminderRepository, type DueReminder } from '../ports/reminder.repository';
import { Clock, PeriodicTask } from '@msp/service-kit';
import { PATIENT_SERVICES_SETTINGS, type PatientServicesSettings } from '../patient-services-settings';
import {
  NotificationProvider,
  UndeliverableNotification,
  type NotificationReceipt,
} from '../ports/notification-provider';

const BATCH = 50;
export const MAX_ATTEMPTS = 5;
const FIRST_RETRY_MS = 30_000;

export interface DispatchSummary {
  sent: number;
  skipped: number;
  failed: number;
}

/**
 * Sends due reminders from the notification outbox through the configured provider, in three steps that each commit on
 * their own: claim a batch (SKIP LOCKED, `sending`, leased for `reminderSendLeaseSeconds`), send each reminder with its
 * id as idempotency key, mark it. A failed mark never rolls back other reminders' sends: a reminder already marked
 * sent is never sent again. A crash between claim and mark leaves it `sending` until its lease ends; it is then sent
 * again with the same key, which providers that honour it deduplicate. A provider failure is retried with exponential
 * back-off up to MAX_ATTEMPTS; a reminder whose appointment was cancelled or moved, an offer no longer open, and a
 * message the provider says cannot reach the patient (no consent any more, no address on file) are skipped, never retried.
 * Waitlist offers go out the same way, due as soon as they are made.
 */
@Injectable()
export class ReminderDispatcherJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReminderDispatcherJob.name);
  private readonly task = new PeriodicTask(() => this.dispatch(), {
    onDone: ({ sent, failed }) => {
      if (sent || failed) this.logger.log(`${sent} reminder(s) sent, ${failed} failed`);
    },
    onFailure: (error) => this.logger.warn(`Reminder dispatch failed: ${error.message}`),
  });

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly reminders: ReminderRepository,
    private readonly provider: NotificationProvider,
    private readonly clock: Clock,
    @Inject(PATIENT_SERVICES_SETTINGS) private readonly settings: PatientServicesSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.settings.reminderDispatchSeconds * 1000);
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  async dispatch(): Promise<DispatchSummary> {
    const summary: DispatchSummary = { sent: 0, skipped: 0, failed: 0 };
    for (;;) {
      const now = this.clock.now();
      const leaseUntil = new Date(now.getTime() + this.settings.reminderSendLeaseSeconds * 1000);
      const batch = await this.transactions.run(() => this.reminders.claimDue(now, BATCH, leaseUntil));
      for (const reminder of batch) {
        try {
          await this.sendOne(reminder, now, summary);
        } catch (error) {
          // Not marked (the database failed us): the lease brings it back; the next ones of the batch still go.
          this.logger.warn({
            msg: 'reminder not marked',
            notificationId: reminder.id,
            error: (error as Error).message,
          });
        }
      }
      if (batch.length < BATCH) return summary;
    }
  }

  private async sendOne(reminder: DueReminder, now: Date, summary: DispatchSummary): Promise<void> {
    if (!reminder.stillValid) {
      await this.transactions.run(() => this.reminders.markSkipped(reminder.id));
      summary.skipped++;
      return;
    }
    let receipt: NotificationReceipt;
    try {
      receipt = await this.provider.send({
        notificationId: reminder.id,
        kind: reminder.kind,
        patientId: reminder.patientId,
        structureId: reminder.structureId,
        siteId: reminder.siteId,
        practitionerId: reminder.practitionerId,
        motifId: reminder.motifId,
        appointmentId: reminder.appointmentId,
        startsAt: reminder.appointmentStartsAt,
        rule: reminder.rule,
        offerExpiresAt: reminder.offerExpiresAt,
        answerToken: reminder.linkToken,
      });
    } catch (error) {
      if (error instanceof UndeliverableNotification) {
        await this.transactions.run(() => this.reminders.markSkipped(reminder.id, error.message));
        summary.skipped++;
        this.logger.log({ msg: 'reminder not deliverable', notificationId: reminder.id, reason: error.message });
        return;
      }
      const attempt = reminder.attempts;
      const retryAt = attempt >= MAX_ATTEMPTS ? null : new Date(now.getTime() + FIRST_RETRY_MS * 2 ** (attempt - 1));
      await this.transactions.run(() =>
        this.reminders.markAttemptFailed(reminder.id, attempt, (error as Error).message, retryAt),
      );
      summary.failed++;
      this.logger.warn({ msg: 'reminder not sent', notificationId: reminder.id, attempt, willRetry: retryAt !== null });
      return;
    }
    // Sent: if this mark fails, the reminder stays `sending` until its lease ends and is then re-sent with the same key.
    await this.transactions.run(() =>
      this.reminders.markSent(reminder.id, receipt.via ?? this.provider.name, receipt.providerMessageId, now),
    );
    summary.sent++;
  }
}
