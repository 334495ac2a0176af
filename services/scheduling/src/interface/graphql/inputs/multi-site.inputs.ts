import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class CreateRoomInput {
  @Field(() => ID) siteId!: string;
  @Field() label!: string;
  @Field({ description: 'Lower-case tag: consultation, soins, echographie…' }) kind!: string;
  @Field(() => [String], { nullable: true }) equipment?: string[] | null;
}

@InputType()
export class SetMotifRoomRequirementInput {
  @Field(() => ID) motifId!: string;
  @Field(() => String, { nullable: true }) roomKind?: string | null;
  @Field(() => [String], { nullable: true }) equipment?: string[] | null;
}

@InputType()
export class SetSiteTravelTimeInput {
  @Field(() => ID) siteId!: string;
  @Field(() => ID) otherSiteId!: string;
  @Field(() => Int, { description: '0 removes the pair' }) minutes!: number;
}
