import { Module } from '@nestjs/common';
import { MemberAgendas } from '../application/ports/member-agendas.port';
import { HttpMemberAgendas } from '../infrastructure/clients/http-member-agendas';

/** Scheduling's free/busy behind the `MemberAgendas` port: the planner's and the booked-patient check's source. */
@Module({
  providers: [{ provide: MemberAgendas, useClass: HttpMemberAgendas }],
  exports: [MemberAgendas],
})
export class MemberAgendasModule {}
