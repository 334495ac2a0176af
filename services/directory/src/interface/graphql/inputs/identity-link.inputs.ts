import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class LinkIdentityInput {
  @Field(() => ID) memberId!: string;
  @Field({ description: 'The issuer URL, exactly as in its tokens (`iss`)' }) issuer!: string;
  @Field({ description: "The member's subject at that issuer (`sub`)" }) subject!: string;
}

@InputType()
export class UnlinkIdentityInput {
  @Field() issuer!: string;
  @Field() subject!: string;
}
