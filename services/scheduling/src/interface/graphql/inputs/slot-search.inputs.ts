import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { BookingChannel } from '../../../domain/booking-channel';
import { BookingChannelGql } from '../types/enums';

@InputType()
export class FreeSlotSearchInput {
  @Field(() => ID) motifId!: string;
  @Field({ description: "YYYY-MM-DD, in each site's zone" }) from!: string;
  @Field({ description: 'YYYY-MM-DD, included' }) to!: string;
  @Field(() => [ID], { nullable: true }) practitionerIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) siteIds?: string[] | null;
  @Field(() => String, { nullable: true }) profession?: string | null;
  @Field(() => BookingChannelGql, { nullable: true, description: 'Whose view (default staff: SNP slots included)' })
  audience?: BookingChannel | null;
  @Field(() => Int, { nullable: true }) limit?: number | null;
}

@InputType()
export class AppointmentFilterInput {
  @Field(() => ID) structureId!: string;
  @Field({ description: 'ISO-8601 instant' }) from!: string;
  @Field({ description: 'ISO-8601 instant' }) to!: string;
  @Field(() => [ID], { nullable: true }) practitionerIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) siteIds?: string[] | null;
}
