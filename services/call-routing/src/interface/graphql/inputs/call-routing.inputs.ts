import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class AddPhoneLineInput {
  @Field(() => ID) siteId!: string;
  @Field(() => ID, { nullable: true, description: "A practitioner's own line; omitted: the site's" })
  practitionerId?: string | null;
  @Field({ description: 'The number callers dial (E.164 or French national form)' }) number!: string;
  @Field({ description: "Where a transfer to the line's owner rings" }) deskNumber!: string;
  @Field() label!: string;
}

@InputType()
export class SaveSiteCallSettingsInput {
  @Field(() => ID) siteId!: string;
  @Field(() => String, { nullable: true }) territory?: string | null;
  @Field(() => [String], { nullable: true }) workedHolidays?: string[] | null;
  @Field(() => [ID], { nullable: true }) dutyRoster?: string[] | null;
  @Field(() => String, { nullable: true }) remoteQueue?: string | null;
  @Field(() => ID, { nullable: true }) bookingMotifId?: string | null;
}

@InputType()
export class RulebookScopeInput {
  @Field(() => ID) structureId!: string;
  @Field(() => ID, { nullable: true }) siteId?: string | null;
  @Field(() => ID, { nullable: true }) practitionerId?: string | null;
}

@InputType()
export class PublishRulebookInput extends RulebookScopeInput {
  @Field({ description: 'The rules as JSON (see the rulebook JSON Schema in the call-routing README)' })
  document!: string;
  @Field(() => Int, { nullable: true, description: 'The version edited: refused if another was published since' })
  basedOnVersion?: number | null;
}

@InputType()
export class SimulateCallInput {
  @Field(() => ID) siteId!: string;
  @Field(() => ID, { nullable: true }) practitionerId?: string | null;
  @Field({ description: 'patient, professional or unknown' }) callerKind!: string;
  @Field(() => Boolean, { nullable: true }) passThrough?: boolean | null;
  @Field(() => Boolean, { nullable: true }) prefersHuman?: boolean | null;
  @Field(() => String, { nullable: true, description: 'book, move, cancel, prescription, results, advice, …' })
  intent?: string | null;
  @Field(() => String, { nullable: true, description: 'What the caller says, in French: classified as on a real call' })
  transcript?: string | null;
  @Field(() => String, { nullable: true, description: 'The menu key pressed' }) digits?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO-8601 instant with offset; now when omitted' })
  at?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'free, in_consultation or absent: assumed instead of the real one',
  })
  practitionerStatus?: string | null;
  @Field(() => String, { nullable: true, description: 'A draft rulebook (JSON) tried instead of the published one' })
  draftRulebook?: string | null;
  @Field(() => String, { nullable: true, description: 'site or practitioner: which rulebook the draft replaces' })
  draftScope?: 'site' | 'practitioner' | null;
}

@InputType()
export class CallJournalInput {
  @Field(() => ID) structureId!: string;
  @Field(() => ID, { nullable: true }) siteId?: string | null;
  @Field(() => ID, { nullable: true }) practitionerId?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO-8601; 7 days before `to` when omitted' }) from?:
    string | null;
  @Field(() => String, { nullable: true, description: 'ISO-8601; now when omitted' }) to?: string | null;
  @Field(() => Int, { nullable: true }) limit?: number | null;
  @Field(() => ID, { nullable: true, description: 'The last call of the previous page' }) after?: string | null;
}
