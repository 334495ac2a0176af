import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('NoShowRate', {
  description: 'No-shows / (done + no-shows) of a practitioner over a month of the site calendar',
})
export class NoShowRateType {
  @Field(() => ID) practitionerId!: string;
  @Field({ description: 'YYYY-MM' }) month!: string;
  @Field(() => Int) completed!: number;
  @Field(() => Int) noShows!: number;
  @Field(() => Float, { nullable: true }) rate!: number | null;
}

@InputType()
export class NoShowRateInput {
  @Field(() => ID) structureId!: string;
  @Field({ description: 'YYYY-MM' }) fromMonth!: string;
  @Field({ description: 'YYYY-MM, included' }) toMonth!: string;
  @Field(() => ID, { nullable: true }) practitionerId?: string | null;
}
