import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class MeetingProposalsInput {
  @Field(() => ID) structureId!: string;
  @Field(() => [ID], { description: 'Members of the structure; the organiser is always counted' })
  inviteeIds!: string[];
  @Field({ description: 'ISO-8601 instant with offset: the window opens (at most 62 days long)' }) from!: string;
  @Field({ description: 'ISO-8601 instant with offset: the window closes' }) to!: string;
  @Field(() => Int) durationMinutes!: number;
  @Field(() => String, { nullable: true, description: "Earliest local start, HH:mm in the structure's zone (08:00)" })
  earliestLocalTime?: string | null;
  @Field(() => String, { nullable: true, description: 'Latest local end, HH:mm (20:00)' })
  latestLocalTime?: string | null;
  @Field(() => [Int], { nullable: true, description: 'ISO weekdays, 1 = Monday … 7 = Sunday (Monday to Friday)' })
  weekdays?: number[] | null;
  @Field(() => Int, { nullable: true, description: 'At most this many proposals (10; 50 at most)' })
  limit?: number | null;
}
