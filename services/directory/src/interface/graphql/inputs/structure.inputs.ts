import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class StructureAdministratorInput {
  @Field() firstName!: string;
  @Field() lastName!: string;
  @Field({ description: 'Their sign-in; an e-mail already on the platform must come with the identity on file' })
  email!: string;
  @Field({ description: 'One of the professions listed by the `professions` query' }) profession!: string;
  @Field(() => String, { nullable: true }) rpps?: string | null;
}

@InputType()
export class AddCptsMemberStructureInput {
  @Field(() => ID, { description: 'The CPTS, of which the caller is a coordinator or administrator' }) cptsId!: string;
  @Field({ description: 'The MSP’s name, distinct on the platform (e.g. with its town)' }) name!: string;
  @Field(() => String, { nullable: true, description: 'FINESS number, 9 digits' }) finess?: string | null;
  @Field(() => String, { nullable: true, description: 'IANA zone of its sites; Europe/Paris by default' })
  timeZone?: string | null;
  @Field(() => StructureAdministratorInput, { description: 'Its first administrator, who then adds its team' })
  administrator!: StructureAdministratorInput;
}
