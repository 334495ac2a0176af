import { Field, ID, InputType } from '@nestjs/graphql';
import type { ExceptionKind } from '../../../domain/schedule-exception';
import { AbsenceKindGql } from '../types/enums';

@InputType()
export class DeclareAbsenceInput {
  @Field(() => ID) structureId!: string;
  @Field(() => ID) practitionerId!: string;
  @Field(() => AbsenceKindGql) kind!: ExceptionKind;
  @Field({ description: 'ISO-8601 instant with offset' }) startsAt!: string;
  @Field({ description: 'ISO-8601 instant with offset' }) endsAt!: string;
}

@InputType()
export class EndAbsenceInput {
  @Field(() => ID) absenceId!: string;
  @Field(() => String, {
    nullable: true,
    description: 'When the practitioner is back (ISO-8601 with offset); now when omitted',
  })
  endsAt?: string | null;
}
