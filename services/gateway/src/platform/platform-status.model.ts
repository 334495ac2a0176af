import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'What the front door knows about the platform behind it' })
export class PlatformStatus {
  @Field()
  name!: string;

  @Field()
  version!: string;

  @Field(() => [String], { description: 'Names of the subgraphs composed behind this gateway' })
  subgraphs!: string[];
}
