import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { SiteRefType } from './site-ref.type';

@ObjectType('AgendaSiteWindow', {
  description: "The instants the view covers at one site: local midnight to midnight in the site's zone",
})
export class AgendaSiteWindowType {
  @Field(() => ID) siteId!: string;
  @Field(() => SiteRefType, { description: 'Name and address from the directory' }) site!: SiteRefType;
  @Field() timeZone!: string;
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => GraphQLISODateTime) endsAt!: Date;
}
