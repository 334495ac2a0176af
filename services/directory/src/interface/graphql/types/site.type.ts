import { Directive, Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('OpeningRange', { description: "A weekly opening range in the site's local time" })
export class OpeningRangeType {
  @Field(() => Int, { description: 'ISO weekday, 1 = Monday' }) weekday!: number;
  @Field({ description: 'HH:mm' }) opens!: string;
  @Field({ description: 'HH:mm' }) closes!: string;
}

@ObjectType('Site')
@Directive('@key(fields: "id")')
export class SiteType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() addressLine!: string;
  @Field() postalCode!: string;
  @Field() city!: string;
  @Field(() => [String], { description: 'E.164 numbers' }) phoneLines!: string[];
  @Field({ description: 'IANA time zone' }) timeZone!: string;
  @Field(() => [OpeningRangeType]) openingHours!: OpeningRangeType[];
  structureId!: string;
}
