import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/** The directory's Site, which scheduling extends with `openingRanges`. */
@ObjectType('Site')
@Directive('@key(fields: "id")')
export class SiteRefType {
  @Field(() => ID) id!: string;
}
