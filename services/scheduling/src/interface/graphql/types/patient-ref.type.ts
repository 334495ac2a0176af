import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/**
 * The directory's Patient, by id only: its identity is resolved by the directory through the gateway, where every read
 * is access-logged. Scheduling adds `appointments`.
 */
@ObjectType('Patient')
@Directive('@key(fields: "id")')
export class PatientRefType {
  @Field(() => ID) id!: string;
}
