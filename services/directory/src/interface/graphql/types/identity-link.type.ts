import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('IdentityLink', {
  description: "An external issuer's subject (Keycloak, Pro Santé Connect) that signs in as a member",
})
export class IdentityLinkType {
  @Field({ description: 'The issuer URL (`iss` of its tokens)' }) issuer!: string;
  @Field({ description: 'The subject at that issuer (`sub`)' }) subject!: string;
  @Field(() => ID) memberId!: string;
  @Field({ description: 'administrator (explicit link), rpps or verified_email (matched at first sign-in)' })
  rule!: string;
  @Field() createdAt!: Date;
  @Field(() => ID, { nullable: true, description: 'The administrator who made an explicit link' })
  createdBy!: string | null;
}

@ObjectType('IdentityLinkEvent', { description: 'A link made or removed, for the audit' })
export class IdentityLinkEventType {
  @Field() at!: Date;
  @Field({ description: 'linked or unlinked' }) action!: string;
  @Field() issuer!: string;
  @Field() subject!: string;
  @Field(() => ID) memberId!: string;
  @Field() rule!: string;
  @Field(() => ID, { nullable: true, description: 'The administrator; null when a sign-in made the link' })
  actorId!: string | null;
}

@ObjectType('IdentityLinks')
export class IdentityLinksType {
  @Field(() => [IdentityLinkType]) links!: IdentityLinkType[];
  @Field(() => [IdentityLinkEventType], { description: 'Newest first' }) trail!: IdentityLinkEventType[];
}
