import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Base64File } from '@msp/service-kit';

@InputType()
export class ImportIndicatorValuesInputType {
  @Field(() => ID) structureId!: string;
  @Field(() => Base64File, {
    description: 'The file’s bytes in base64, as uploaded (2 MB at most): UTF-8, UTF-16 or Windows-1252',
  })
  csvBase64!: Base64File;
  @Field(() => String, { nullable: true, description: 'Kept with each row’s provenance' }) fileName?: string | null;
}

@InputType()
export class DeclareIndicatorInputType {
  @Field(() => ID) structureId!: string;
  @Field() indicatorCode!: string;
  @Field({ description: '2026, 2026-T1 or 2026-03' }) period!: string;
  @Field(() => Float, { description: 'A yes/no indicator: 1 (met) or 0; a count: the number' }) value!: number;
  @Field({ description: 'The document that proves it' }) evidenceReference!: string;
}

@InputType()
export class SetIndicatorValueInputType {
  @Field(() => ID) structureId!: string;
  @Field({ description: 'ROSP_MT_ADULTE, FORFAIT_MT_PREVENTION, ACI_MSP, ACI_CPTS, OPERATIONAL' }) catalogue!: string;
  @Field() indicatorCode!: string;
  @Field({
    description:
      'objectives.intermediate, objectives.target, minimumPopulation, points.fixed, points.weighted, points.perUnit, points.maxUnits, pointValueEur, referencePatientBase',
  })
  field!: string;
  @Field(() => Float) value!: number;
  @Field({ description: 'Where the value was read (text, statement…): required' }) source!: string;
}
