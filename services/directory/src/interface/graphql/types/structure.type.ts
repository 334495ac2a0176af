import { Directive, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum StructureKindGql {
  MSP = 'MSP',
  CPTS = 'CPTS',
}
registerEnumType(StructureKindGql, {
  name: 'StructureKind',
  description: 'MSP: group practice; CPTS: territorial network',
});

@ObjectType('Structure')
@Directive('@key(fields: "id")')
export class StructureType {
  @Field(() => ID) id!: string;
  @Field(() => StructureKindGql) kind!: StructureKindGql;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: 'FINESS number' }) finess!: string | null;
  @Field({ description: 'IANA zone, the default of the sites it opens' }) timeZone!: string;
  cptsId!: string | null;
}
