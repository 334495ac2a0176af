import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PhoneLine', { description: "A number callers dial: a site's line or a practitioner's own (CAL-1)" })
export class PhoneLineType {
  @Field(() => ID) id!: string;
  @Field(() => ID) structureId!: string;
  @Field(() => ID) siteId!: string;
  @Field(() => ID, { nullable: true, description: "Null: the site's line" }) practitionerId!: string | null;
  @Field({ description: 'E.164' }) number!: string;
  @Field({ description: "Where a transfer to the line's owner rings (E.164)" }) deskNumber!: string;
  @Field() label!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType('SiteCallSettings', { description: "A site's holidays, duty roster, phone-booking motif and remote queue" })
export class SiteCallSettingsType {
  @Field(() => ID) siteId!: string;
  @Field(() => ID) structureId!: string;
  @Field({ description: 'mainland, alsace-moselle, guadeloupe, martinique, guyane, reunion, mayotte, …' })
  territory!: string;
  @Field(() => [String], { description: 'Public holidays the structure works (ids such as whit-monday)' })
  workedHolidays!: string[];
  @Field(() => [ID], { description: 'Colleagues a forward_on_duty rule tries, in order' }) dutyRoster!: string[];
  @Field(() => String, { nullable: true }) remoteQueue!: string | null;
  @Field(() => ID, { nullable: true, description: 'The motif offered for booking on the phone' })
  bookingMotifId!: string | null;
}

@ObjectType('PublicHoliday')
export class PublicHolidayType {
  @Field() id!: string;
  @Field() name!: string;
  @Field({ description: 'YYYY-MM-DD' }) date!: string;
}

@ObjectType('RulebookWarning', { description: 'Published anyway: a rule that can never match, or contradicts itself' })
export class RulebookWarningType {
  @Field(() => String, { nullable: true }) ruleId!: string | null;
  @Field() path!: string;
  @Field() reason!: string;
}

@ObjectType('RulebookChange')
export class RulebookChangeType {
  @Field({ description: 'added, removed, changed or moved' }) kind!: string;
  @Field() ruleId!: string;
  @Field({ description: 'In French, for the history view' }) summary!: string;
}

@ObjectType('Rulebook', { description: "A site's or a practitioner's rules for the phone (« cahier des consignes »)" })
export class RulebookType {
  @Field({ description: 'site or practitioner' }) scopeKind!: string;
  @Field(() => ID) scopeId!: string;
  @Field(() => Int, { nullable: true, description: 'Null: nothing published yet' }) version!: number | null;
  @Field({ description: 'The default rulebook applies: the site has published none' }) isDefault!: boolean;
  @Field(() => String, { nullable: true, description: 'The rules as JSON (see the rulebook JSON Schema)' })
  document!: string | null;
  @Field(() => [RulebookWarningType]) warnings!: RulebookWarningType[];
  @Field(() => ID, { nullable: true }) authorId!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) publishedAt!: Date | null;
}

@ObjectType('RulebookVersion')
export class RulebookVersionType {
  @Field(() => Int) version!: number;
  @Field(() => ID) authorId!: string;
  @Field(() => GraphQLISODateTime) publishedAt!: Date;
  @Field(() => [RulebookChangeType]) changes!: RulebookChangeType[];
  @Field(() => [RulebookWarningType]) warnings!: RulebookWarningType[];
  @Field() document!: string;
}

@ObjectType('RuleCheck')
export class RuleCheckType {
  @Field() condition!: string;
  @Field() holds!: boolean;
  @Field() reason!: string;
}

@ObjectType('RuleTrace', { description: 'One rule tried for a call, with each of its conditions' })
export class RuleTraceType {
  @Field() scope!: string;
  @Field(() => Int) version!: number;
  @Field() ruleId!: string;
  @Field() label!: string;
  @Field() matched!: boolean;
  @Field(() => [RuleCheckType]) checks!: RuleCheckType[];
}

@ObjectType('CallDecision')
export class CallDecisionType {
  @Field({
    description:
      'transfer_practitioner, transfer_secretary, remote_queue, self_service, take_message, redirect_15, give_information, forward_on_duty',
  })
  action!: string;
  @Field(() => ID, { nullable: true, description: 'forward_on_duty: the colleague' }) colleagueId!: string | null;
  @Field(() => String, { nullable: true, description: 'remote_queue: the queue' }) queue!: string | null;
  @Field(() => String, { nullable: true, description: 'Null: no rule matched, a message is taken' })
  ruleId!: string | null;
  @Field(() => String, { nullable: true }) scope!: string | null;
  @Field(() => Int, { nullable: true, description: '0: the default rulebook' }) version!: number | null;
  @Field(() => String, { nullable: true }) practitionerStatus!: string | null;
  @Field() explanation!: string;
  @Field(() => [RuleTraceType]) trace!: RuleTraceType[];
}

@ObjectType('CallSimulation')
export class CallSimulationType {
  @Field() intent!: string;
  @Field() urgent!: boolean;
  @Field(() => CallDecisionType) decision!: CallDecisionType;
}

@ObjectType('CallJournalEntry', {
  description: 'One call: who (kind, opaque ids), why, what was decided and how it ended',
})
export class CallJournalEntryType {
  @Field(() => ID) id!: string;
  @Field(() => ID) siteId!: string;
  @Field(() => ID) lineId!: string;
  @Field(() => ID, { nullable: true }) practitionerId!: string | null;
  @Field(() => ID, { nullable: true }) patientId!: string | null;
  @Field() callerKind!: string;
  @Field(() => String, { nullable: true }) intent!: string | null;
  @Field() urgent!: boolean;
  @Field(() => CallDecisionType, { nullable: true }) decision!: CallDecisionType | null;
  @Field() interruptsConsultation!: boolean;
  @Field(() => String, { nullable: true }) outcome!: string | null;
  @Field(() => String, { nullable: true }) messageReason!: string | null;
  @Field(() => GraphQLISODateTime) startedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) endedAt!: Date | null;
  @Field(() => Int, { nullable: true }) durationSeconds!: number | null;
}

@ObjectType('CallsPerDay')
export class CallsPerDayType {
  @Field() day!: string;
  @Field(() => Int) calls!: number;
  @Field(() => Int) handledWithoutHuman!: number;
}

@ObjectType('CallsPerHour')
export class CallsPerHourType {
  @Field(() => Int, { description: '1 = Monday' }) weekday!: number;
  @Field(() => Int) hour!: number;
  @Field(() => Int) calls!: number;
}

@ObjectType('QueueWait')
export class QueueWaitType {
  @Field(() => Int) answered!: number;
  @Field(() => Float, { nullable: true }) averageSeconds!: number | null;
  @Field(() => Int, { nullable: true }) maxSeconds!: number | null;
}

@ObjectType('CallStatistics', { description: 'What the virtual secretary did, and the interruptions it saved (CAL-5)' })
export class CallStatisticsType {
  @Field(() => Int) calls!: number;
  @Field(() => Int) handledWithoutHuman!: number;
  @Field(() => Float, { description: 'Share of calls handled without a human, 0 to 1' }) shareWithoutHuman!: number;
  @Field(() => Int) messagesTaken!: number;
  @Field(() => Int) transferredToHuman!: number;
  @Field(() => Int) redirectedTo15!: number;
  @Field(() => Int) duringConsultation!: number;
  @Field(() => Int) consultationsInterrupted!: number;
  @Field(() => Int) interruptionsAvoided!: number;
  @Field(() => QueueWaitType) queueWait!: QueueWaitType;
  @Field(() => [CallsPerDayType]) perDay!: CallsPerDayType[];
  @Field(() => [CallsPerHourType]) perHour!: CallsPerHourType[];
  @Field() timeZone!: string;
}
