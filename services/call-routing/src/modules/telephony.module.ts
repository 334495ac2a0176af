import { Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock, PeriodicTask } from '@msp/service-kit';
import { ReplayGuard } from '../application/ports/replay-guard';
import { NeutralWebhookController } from '../interface/telephony/neutral-webhook.controller';
import { TwilioVoiceController } from '../interface/telephony/twilio-voice.controller';
import { CallHandlingModule } from './call-handling.module';
import { CallRoutingPersistenceModule } from './call-routing-persistence.module';

/** Forgets accepted webhook signatures once their timestamp would be refused anyway. */
@Injectable()
class ReplaySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReplaySweeper');
  private readonly task = new PeriodicTask(() => this.replays.forgetExpired(this.clock.now()), {
    onDone: (count) => count > 0 && this.logger.debug({ msg: 'expired webhook signatures forgotten', count }),
    onFailure: (error) => this.logger.warn({ msg: 'webhook signature sweep failed', error: error.message }),
  });

  constructor(
    private readonly replays: ReplayGuard,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(60_000);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}

/** The telephony webhooks (neutral HMAC JSON, Twilio TwiML), served on the public listener only. */
@Module({
  imports: [CallRoutingPersistenceModule, CallHandlingModule],
  controllers: [NeutralWebhookController, TwilioVoiceController],
  providers: [ReplaySweeper],
})
export class TelephonyModule {}
