import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AgendaSiteWindowType } from './agenda-site-window.type';
import { PractitionerAgendaType } from './practitioner-agenda.type';

@ObjectType('AgendaView', { description: 'A shared day or week across practitioners and sites' })
export class AgendaViewType {
  @Field(() => ID) structureId!: string;
  @Field({ description: 'First local date, YYYY-MM-DD' }) from!: string;
  @Field({ description: 'Last local date, included' }) to!: string;
  @Field(() => [AgendaSiteWindowType]) sites!: AgendaSiteWindowType[];
  @Field(() => [PractitionerAgendaType]) practitioners!: PractitionerAgendaType[];
}
