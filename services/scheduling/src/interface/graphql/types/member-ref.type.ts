import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/** The directory's Member, which scheduling extends with `agenda`; its other fields come from the directory. */
@ObjectType('Member')
@Directive('@key(fields: "id")')
export class MemberRefType {
  @Field(() => ID) id!: string;
}
