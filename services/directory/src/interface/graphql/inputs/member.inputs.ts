import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class AddMemberInput {
  @Field(() => ID) structureId!: string;
  @Field() firstName!: string;
  @Field() lastName!: string;
  @Field() email!: string;
  @Field({ description: 'One of the professions listed by the `professions` query' }) profession!: string;
  @Field(() => String, { nullable: true }) rpps?: string | null;
  @Field(() => [String]) roles!: string[];
  @Field(() => [ID]) siteIds!: string[];
  @Field(() => ID, { nullable: true, description: 'Required for medical assistants' }) referentId?: string | null;
  @Field(() => ID, { nullable: true }) backupReferentId?: string | null;
}

@InputType()
export class UpdateMemberInput {
  @Field(() => ID) memberId!: string;
  @Field(() => ID) structureId!: string;
  @Field(() => String, { nullable: true }) profession?: string | null;
  @Field(() => String, { nullable: true }) rpps?: string | null;
  @Field(() => [String], { nullable: true }) roles?: string[] | null;
  @Field(() => [ID], { nullable: true }) siteIds?: string[] | null;
  @Field(() => ID, { nullable: true }) referentId?: string | null;
  @Field(() => ID, { nullable: true }) backupReferentId?: string | null;
}

@InputType()
export class RemoveMemberInput {
  @Field(() => ID) memberId!: string;
  @Field(() => ID) structureId!: string;
}
