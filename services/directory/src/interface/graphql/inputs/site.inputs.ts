import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class OpeningRangeInput {
  @Field(() => Int) weekday!: number;
  @Field() opens!: string;
  @Field() closes!: string;
}

@InputType()
export class OpenSiteInput {
  @Field(() => ID) structureId!: string;
  @Field() name!: string;
  @Field() addressLine!: string;
  @Field() postalCode!: string;
  @Field() city!: string;
  @Field(() => [String]) phoneLines!: string[];
  @Field(() => String, { nullable: true, description: 'IANA zone; Europe/Paris when omitted' }) timeZone?:
    string | null;
  @Field(() => [OpeningRangeInput]) openingHours!: OpeningRangeInput[];
}

@InputType()
export class ChangeSiteHoursInput {
  @Field(() => ID) siteId!: string;
  @Field(() => [OpeningRangeInput]) openingHours!: OpeningRangeInput[];
  @Field(() => String, { nullable: true }) timeZone?: string | null;
}
