import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class IndicatorImportErrorType {
  @Field(() => Int, { description: 'As the spreadsheet numbers it: the header is line 1' }) line!: number;
  @Field(() => String, { nullable: true, description: 'rpps, code_indicateur, periode, numerateur, denominateur' })
  column!: string | null;
  @Field({ description: 'French, names the line and the column' }) message!: string;
}

@ObjectType({ description: 'All or nothing: ok with the rows stored, or every error and nothing written' })
export class IndicatorImportResultType {
  @Field() ok!: boolean;
  @Field(() => Int) imported!: number;
  @Field(() => String, { nullable: true }) fileSha256!: string | null;
  @Field(() => [IndicatorImportErrorType]) errors!: IndicatorImportErrorType[];
}

@ObjectType()
export class DeclaredIndicatorType {
  @Field(() => ID) structureId!: string;
  @Field() indicatorCode!: string;
  @Field() period!: string;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Boolean, { nullable: true }) met!: boolean | null;
  @Field() evidenceReference!: string;
  @Field({ description: 'declared' }) provenance!: string;
  @Field(() => ID) recordedBy!: string;
  @Field() recordedAt!: Date;
}

@ObjectType({ description: 'A catalogue value a structure’s administrator set where the catalogue said "à compléter"' })
export class IndicatorSettingType {
  @Field() catalogue!: string;
  @Field() indicatorCode!: string;
  @Field() field!: string;
  @Field(() => Float) value!: number;
  @Field() source!: string;
  @Field({ description: 'set' }) provenance!: string;
  @Field(() => ID) setBy!: string;
  @Field() setAt!: Date;
}

@ObjectType()
export class IndicatorSettingChangeType {
  @Field() catalogue!: string;
  @Field() indicatorCode!: string;
  @Field() field!: string;
  @Field(() => Float, { nullable: true }) oldValue!: number | null;
  @Field(() => String, { nullable: true }) oldSource!: string | null;
  @Field(() => Float) newValue!: number;
  @Field() source!: string;
  @Field(() => ID) changedBy!: string;
  @Field() changedAt!: Date;
}
