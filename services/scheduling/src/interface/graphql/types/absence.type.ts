import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import type { ExceptionKind } from '../../../domain/schedule-exception';
import { AbsenceKindGql } from './enums';

@ObjectType('AgendaAbsence', { description: "Time taken out of a practitioner's agenda" })
export class AbsenceType {
  @Field(() => ID) id!: string;
  @Field(() => ID) structureId!: string;
  @Field(() => ID) practitionerId!: string;
  @Field(() => AbsenceKindGql) kind!: ExceptionKind;
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => GraphQLISODateTime) endsAt!: Date;
}
