import { Module } from '@nestjs/common';
import { IndicatorAnnouncer } from '../application/announcements/indicator-announcer';
import { IndicatorsPersistenceModule } from './indicators-persistence.module';

/** Value changes and objectives crossed, announced once, whether computed from events, imported or declared. */
@Module({
  imports: [IndicatorsPersistenceModule],
  providers: [IndicatorAnnouncer],
  exports: [IndicatorAnnouncer],
})
export class IndicatorAnnouncementsModule {}
