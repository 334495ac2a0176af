import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Member')
@Directive('@key(fields: "id")')
export class MemberType {
  @Field(() => ID) id!: string;
  @Field() firstName!: string;
  @Field() lastName!: string;
  @Field() email!: string;
  @Field() profession!: string;
  @Field(() => String, { nullable: true }) rpps!: string | null;
}

@ObjectType('Membership', { description: "A member's roles and sites in one structure" })
export class MembershipType {
  @Field(() => [String]) roles!: string[];
  @Field() joinedAt!: Date;
  memberId!: string;
  structureId!: string;
  siteIds!: string[];
  referentId!: string | null;
  backupReferentId!: string | null;
}
