import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { IndicatorSettingType } from './indicator-inputs.types';

@ObjectType('CatalogueIndicator', { description: 'One indicator of a catalogue version, its objectives as sourced' })
export class CatalogueIndicatorType {
  @Field() code!: string;
  @Field() label!: string;
  @Field() family!: string;
  @Field({ description: 'rate, count, minutes or boolean' }) unit!: string;
  @Field(() => String, { nullable: true }) direction!: string | null;
  @Field(() => Float, { nullable: true }) intermediateObjective!: number | null;
  @Field({ description: 'confirmed, to_be_completed ("à compléter"), platform or set_by_structure' })
  intermediateObjectiveStatus!: string;
  @Field(() => Float, { nullable: true }) targetObjective!: number | null;
  @Field() targetObjectiveStatus!: string;
  @Field() status!: string;
}

@ObjectType('IndicatorCatalogue', { description: 'A versioned catalogue: ROSP, forfait médecin traitant, ACI, CPTS…' })
export class IndicatorCatalogueType {
  @Field() code!: string;
  @Field() version!: string;
  @Field() label!: string;
  @Field() validFrom!: string;
  @Field(() => String, { nullable: true }) validTo!: string | null;
  @Field(() => [CatalogueIndicatorType]) indicators!: CatalogueIndicatorType[];
}

@ObjectType('OperationalActivity', { description: 'What the other services’ events say happened over the period' })
export class OperationalActivityType {
  @Field(() => Int) appointmentsCompleted!: number;
  @Field(() => Int) noShows!: number;
  @Field(() => Int) callsReceived!: number;
  @Field(() => Int) callsWithoutHuman!: number;
  @Field(() => Int) callsTransferred!: number;
  @Field(() => Int) messagesTaken!: number;
  @Field(() => Int) callsDuringConsultation!: number;
  @Field(() => Int) consultationsInterrupted!: number;
  @Field(() => Int) interruptionsAvoided!: number;
  @Field(() => Int) delegatedTasksCompleted!: number;
  @Field(() => Int) delegatedMinutes!: number;
  @Field(() => Int) meetingsHeld!: number;
  @Field(() => Int) pluriprofessionalMeetingsHeld!: number;
  @Field(() => Int) protocolsAdopted!: number;
  @Field(() => Int, {
    description: 'Minutes at least one site was open over the period (opening ranges less absences, sites united)',
  })
  openingMinutes!: number;
  @Field(() => Int, { description: 'SNP slots the opening ranges held back over the period' }) snpSlots!: number;
}

@ObjectType('IndicatorScore', { description: 'One indicator scored: level, objectives, achievement, and why (French)' })
export class IndicatorScoreType {
  @Field() catalogue!: string;
  @Field() version!: string;
  @Field() indicatorCode!: string;
  @Field() label!: string;
  @Field() unit!: string;
  @Field({ description: 'scored, measured, no_data, incomplete, below_minimum_population, rule_unconfirmed' })
  status!: string;
  @Field(() => Float, { nullable: true, description: 'In the unit: percent for a rate' }) level!: number | null;
  @Field(() => Float, { nullable: true }) numerator!: number | null;
  @Field(() => Float, { nullable: true }) denominator!: number | null;
  @Field(() => Float, { nullable: true }) intermediateObjective!: number | null;
  @Field(() => Boolean, { nullable: true }) intermediateReached!: boolean | null;
  @Field(() => Float, { nullable: true }) targetObjective!: number | null;
  @Field(() => Boolean, { nullable: true }) targetReached!: boolean | null;
  @Field(() => Float, { nullable: true }) achievementRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Points the indicator can earn; null while "à compléter"' })
  pointsMaximum!: number | null;
  @Field(() => Float, { nullable: true, description: 'Points earned, before the patient-base weighting' })
  pointsEarned!: number | null;
  @Field(() => Float, { nullable: true, description: 'Points earned after the patient-base weighting: what is paid' })
  pointsWeighted!: number | null;
  @Field(() => Float, { nullable: true }) estimatedEuros!: number | null;
  @Field(() => [String]) unconfirmed!: string[];
  @Field(() => [String]) explanation!: string[];
  @Field({ description: 'Where the values come from: computed (events), imported (file) or declared (evidence)' })
  provenance!: string;
  @Field(() => String, { nullable: true, description: 'Imported: the file name' }) importedFile!: string | null;
  @Field(() => String, { nullable: true, description: 'Imported: SHA-256 of the file' }) importedFileSha256!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Declared: the evidence' }) evidenceReference!: string | null;
  @Field(() => ID, { nullable: true }) recordedBy!: string | null;
  @Field(() => Date, { nullable: true }) recordedAt!: Date | null;
  @Field(() => [IndicatorSettingType], {
    description: 'Values the structure set that this score used (provenance set)',
  })
  settings!: IndicatorSettingType[];
}

@ObjectType('IndicatorScores', { description: 'A structure’s (or one practitioner’s) operational indicators' })
export class IndicatorScoresType {
  @Field(() => ID) structureId!: string;
  @Field(() => ID, { nullable: true }) practitionerId!: string | null;
  @Field() period!: string;
  @Field({ description: 'First local day, YYYY-MM-DD' }) start!: string;
  @Field({ description: 'Last local day, YYYY-MM-DD' }) end!: string;
  @Field(() => OperationalActivityType) activity!: OperationalActivityType;
  @Field(() => [IndicatorScoreType]) scores!: IndicatorScoreType[];
}

@ObjectType('TimeFreedTerm', { description: 'One term of the time freed: quantity × minutes per unit' })
export class TimeFreedTermType {
  @Field() code!: string;
  @Field() label!: string;
  @Field(() => Float) quantity!: number;
  @Field(() => Float) minutesPerUnit!: number;
  @Field(() => Float) minutes!: number;
  @Field() parameterStatus!: string;
  @Field() parameterSource!: string;
}

@ObjectType('PractitionerTimeFreed', { description: 'IND-4: medical time freed for one practitioner in one week' })
export class PractitionerTimeFreedType {
  @Field(() => ID) practitionerId!: string;
  @Field() parametersVersion!: string;
  @Field(() => Float) minutesPerPractitionerPerWeek!: number;
  @Field(() => Float) hoursPerPractitionerPerWeek!: number;
  @Field(() => Float) totalMinutes!: number;
  @Field(() => [TimeFreedTermType]) terms!: TimeFreedTermType[];
  @Field(() => [String], { description: 'How it was computed, term by term (French)' }) explanation!: string[];
}
