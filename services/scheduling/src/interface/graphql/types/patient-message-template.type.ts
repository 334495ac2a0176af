import { Field, GraphQLISODateTime, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';

/** GraphQL names in upper case; the values handlers receive are the domain's. */
export enum PatientMessageKindGql {
  APPOINTMENT_REMINDER = 'appointment_reminder',
  WAITLIST_OFFER = 'waitlist_offer',
}
registerEnumType(PatientMessageKindGql, {
  name: 'PatientMessageKind',
  description: 'A message scheduling sends patients: an appointment reminder, the offer of a freed slot',
});

@ObjectType('PatientMessageTemplate', {
  description:
    "A structure's texts for one kind of message to patients (e-mail subject and text, SMS text), its own or the French default",
})
export class PatientMessageTemplateType {
  @Field(() => ID) structureId!: string;
  @Field(() => PatientMessageKindGql) kind!: PatientMessageKindGql;
  @Field() subject!: string;
  @Field({ description: "The e-mail's text" }) body!: string;
  @Field({ description: "The SMS's text (short: billed per segment)" }) sms!: string;
  @Field({ description: 'True while the structure uses the default text' }) isDefault!: boolean;
  @Field(() => [String], { description: 'What may be written between braces, e.g. {date}' })
  placeholders!: string[];
  @Field(() => ID, { nullable: true }) updatedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) updatedAt!: Date | null;
}

@InputType()
export class SetPatientMessageTemplateInput {
  @Field(() => ID) structureId!: string;
  @Field(() => PatientMessageKindGql) kind!: PatientMessageKindGql;
  @Field({ description: 'One line, at most 200 characters' }) subject!: string;
  @Field({ description: 'At most 2,000 characters; must contain {date} and {heure} (and an offer its two links)' })
  body!: string;
  @Field({
    description: 'At most 320 characters; must contain {date} and {heure} (and an offer {lien}, or its two links)',
  })
  sms!: string;
}
