import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AbsenceType } from './absence.type';
import { AgendaEntryType } from './agenda-entry.type';
import { AgendaMeetingBlockType } from './agenda-meeting-block.type';
import { AgendaOpeningType } from './agenda-opening.type';
import { MemberRefType } from './member-ref.type';

@ObjectType('PractitionerAgenda')
export class PractitionerAgendaType {
  @Field(() => ID) practitionerId!: string;
  @Field(() => MemberRefType, { nullable: true, description: 'Name and details from the directory' })
  practitioner!: MemberRefType | null;
  @Field() profession!: string;
  @Field(() => [AgendaOpeningType]) openings!: AgendaOpeningType[];
  @Field(() => [AgendaEntryType]) appointments!: AgendaEntryType[];
  @Field(() => [AbsenceType]) absences!: AbsenceType[];
  @Field(() => [AgendaMeetingBlockType], { description: "Coordination meetings' time: busy, no patient may be booked" })
  meetingBlocks!: AgendaMeetingBlockType[];
}
