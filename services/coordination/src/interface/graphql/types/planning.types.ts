import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('MeetingProposal')
export class MeetingProposalType {
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => GraphQLISODateTime) endsAt!: Date;
  @Field(() => Int, { description: 'Invitees free over the whole slot' }) freeCount!: number;
  @Field(() => [ID]) freeMemberIds!: string[];
  @Field(() => [ID], { description: 'Invitees busy during the slot: empty when everyone can come' })
  missingMemberIds!: string[];
  @Field(() => [ID], { description: 'Free invitees whose consulting hours the slot takes (no patient booked)' })
  inConsultingHoursMemberIds!: string[];
}

@ObjectType('MeetingProposals')
export class MeetingProposalsType {
  @Field(() => [MeetingProposalType], {
    description: 'Best first: fewest missing, then fewest consulting hours taken, then earliest; never overlapping',
  })
  proposals!: MeetingProposalType[];
  @Field({ description: 'False when the agendas could not be read: plan without proposals' })
  schedulingAvailable!: boolean;
  @Field(() => String, { nullable: true, description: 'Why there are no proposals, for the coordinator (French)' })
  notice!: string | null;
  @Field({ description: "The structure's IANA zone the working hours were read in" }) timeZone!: string;
}
