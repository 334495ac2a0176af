import { Module } from '@nestjs/common';
import { CallConversation } from '../application/calls/call-conversation';
import { CallProgressHandler } from '../application/calls/call-progress.handler';
import { DecisionContextLoader } from '../application/calls/decision-context.loader';
import { StartCallHandler } from '../application/calls/start-call.handler';
import { CallRoutingPersistenceModule } from './call-routing-persistence.module';

/** A call from first ring to hang-up: identification, decision, self-service, message, journal and events. */
@Module({
  imports: [CallRoutingPersistenceModule],
  providers: [DecisionContextLoader, CallConversation, StartCallHandler, CallProgressHandler],
  exports: [DecisionContextLoader, StartCallHandler, CallProgressHandler],
})
export class CallHandlingModule {}
