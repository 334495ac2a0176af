import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';

@ObjectType('WaitlistOffer', { description: 'A freed slot held for a waiting patient until it expires' })
export class WaitlistOfferType {
  @Field(() => ID) id!: string;
  @Field(() => ID) entryId!: string;
  @Field(() => ID, { description: 'The hold keeping the slot' }) holdId!: string;
  @Field(() => ID) practitionerId!: string;
  @Field(() => ID) siteId!: string;
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => GraphQLISODateTime) endsAt!: Date;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
  @Field({ description: 'open, accepted, declined or expired' }) status!: string;
  @Field(() => GraphQLISODateTime, { description: 'When the offer was made' }) createdAt!: Date;
}

@ObjectType('WaitlistEntry', { description: 'A patient waiting for an earlier slot' })
export class WaitlistEntryType {
  @Field(() => ID) id!: string;
  @Field(() => ID) structureId!: string;
  @Field(() => ID, { description: 'Opaque directory id' }) patientId!: string;
  @Field(() => ID) motifId!: string;
  @Field(() => ID, { nullable: true }) practitionerId!: string | null;
  @Field(() => String, { nullable: true }) profession!: string | null;
  @Field({ description: 'YYYY-MM-DD: a slot before this date' }) before!: string;
  @Field({ description: 'waiting, offered, booked or withdrawn' }) status!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => WaitlistOfferType, { nullable: true }) offer!: WaitlistOfferType | null;
}

@InputType()
export class JoinWaitlistInput {
  @Field(() => ID) structureId!: string;
  @Field(() => ID) patientId!: string;
  @Field(() => ID) motifId!: string;
  @Field(() => ID, { nullable: true, description: 'This practitioner; or give a profession' }) practitionerId?:
    string | null;
  @Field(() => String, { nullable: true, description: 'Any practitioner of this profession' }) profession?:
    string | null;
  @Field({ description: 'YYYY-MM-DD: offer slots before this date' }) before!: string;
}
