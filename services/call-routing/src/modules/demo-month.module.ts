import { type DynamicModule, Module } from '@nestjs/common';
import { CallConversation } from '../application/calls/call-conversation';
import { CallProgressHandler } from '../application/calls/call-progress.handler';
import { DecisionContextLoader } from '../application/calls/decision-context.loader';
import { StartCallHandler } from '../application/calls/start-call.handler';
import { AgendaPort } from '../application/ports/agenda.port';
import { DemoCallers } from '../application/ports/demo-callers.port';
import { DemoMonthRepository } from '../application/ports/demo-month.repository';
import { DEMO_MONTH_OPTIONS, DemoMonthPlayer, type DemoMonthOptions } from '../demo/demo-month.player';
import { ReplayAgenda } from '../demo/replay-agenda';
import { HttpAgenda } from '../infrastructure/clients/http-agenda';
import { HttpDemoCallers } from '../infrastructure/clients/http-demo-callers';
import { TypeOrmDemoMonthRepository } from '../infrastructure/repositories/typeorm-demo-month.repository';
import { CallRoutingPersistenceModule } from './call-routing-persistence.module';

/**
 * The demo month of calls (`CALL_ROUTING_DEMO_DATA=load`). Its call handlers are the live calls' classes — the same
 * entry points, decision and conversation — built here a second time so that their agenda is `ReplayAgenda`: a call of
 * the past month reads scheduling's agenda shifted to the present and never changes it.
 */
@Module({})
export class DemoMonthModule {
  static forRoot(enabled: boolean): DynamicModule {
    const options: DemoMonthOptions = {
      enabled,
      pollMs: 2_000,
      settleMs: 15_000,
      giveUpMs: 5 * 60_000,
      leaseMs: 60_000,
      concurrency: 4,
    };
    return {
      module: DemoMonthModule,
      imports: [CallRoutingPersistenceModule],
      providers: [
        { provide: DEMO_MONTH_OPTIONS, useValue: options },
        { provide: DemoMonthRepository, useClass: TypeOrmDemoMonthRepository },
        { provide: DemoCallers, useClass: HttpDemoCallers },
        HttpAgenda,
        { provide: AgendaPort, useClass: ReplayAgenda },
        DecisionContextLoader,
        CallConversation,
        StartCallHandler,
        CallProgressHandler,
        DemoMonthPlayer,
      ],
    };
  }
}
