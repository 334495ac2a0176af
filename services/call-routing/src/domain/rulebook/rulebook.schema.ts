import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import {
  ACTION_TYPES,
  CALLER_KINDS,
  INFORMATION_TOPICS,
  INTENTS,
  PRACTITIONER_STATUSES,
  type RuleConditions,
  type RulebookDocument,
  WEEKDAYS,
} from './rulebook';

export const MAX_RULES = 100;
export const RULE_ID_PATTERN = '^[a-z0-9][a-z0-9-]{0,39}$';
export const MAX_LABEL_LENGTH = 120;
/** Visible text on one line: no control characters, not only blanks. */
const LABEL_PATTERN = '^(?=.*\\S)[^\\u0000-\\u001f\\u007f]*$';

const listOf = (values: readonly string[]) => ({
  type: 'array',
  items: { enum: values },
  minItems: 1,
  uniqueItems: true,
});

/** Shape only: the meaning of `from`/`to` (HH:mm, to after from) is `windowProblems`' job, which says it better. */
const timeWindowSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    days: listOf(WEEKDAYS),
    from: { type: 'string' },
    to: { type: 'string' },
    onHolidays: { enum: ['excluded', 'included', 'only'] },
  },
};

const conditionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    callerKinds: listOf(CALLER_KINDS),
    passThrough: { type: 'boolean' },
    prefersHuman: { type: 'boolean' },
    intents: listOf(INTENTS),
    urgent: { type: 'boolean' },
    window: timeWindowSchema,
    practitionerStatus: listOf(PRACTITIONER_STATUSES),
  },
};

/** The conditions a rule's `when` may have. */
export const CONDITION_NAMES = Object.keys(conditionsSchema.properties) as ReadonlyArray<keyof RuleConditions>;

/** Each action with its own fields; `type` is the discriminator so that ajv reports the errors of that action only. */
const ACTION_FIELDS: Record<(typeof ACTION_TYPES)[number], Record<string, object>> = {
  transfer_practitioner: {},
  transfer_secretary: {},
  remote_queue: { queue: { type: 'string', minLength: 1, maxLength: 80, pattern: LABEL_PATTERN } },
  self_service: {},
  take_message: {},
  redirect_15: {},
  give_information: { topics: listOf(INFORMATION_TOPICS) },
  forward_on_duty: {
    colleagues: {
      type: 'array',
      items: { type: 'string', format: 'uuid' },
      minItems: 1,
      maxItems: 20,
      uniqueItems: true,
    },
  },
};

const actionSchema = {
  type: 'object',
  required: ['type'],
  properties: { type: { type: 'string' } },
  discriminator: { propertyName: 'type' },
  oneOf: ACTION_TYPES.map((type) => ({
    type: 'object',
    additionalProperties: false,
    required: ['type'],
    properties: { type: { const: type }, ...ACTION_FIELDS[type] },
  })),
};

/** The JSON Schema (draft-07) of a stored rulebook: what `RulebookDocument` says, and nothing more. */
export const RULEBOOK_JSON_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://msp.local/schemas/call-routing/rulebook.json',
  title: 'Cahier des consignes téléphoniques',
  type: 'object',
  additionalProperties: false,
  required: ['rules'],
  properties: {
    rules: {
      type: 'array',
      maxItems: MAX_RULES,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'label', 'when', 'then'],
        properties: {
          id: { type: 'string', pattern: RULE_ID_PATTERN },
          label: { type: 'string', minLength: 1, maxLength: MAX_LABEL_LENGTH, pattern: LABEL_PATTERN },
          when: conditionsSchema,
          then: actionSchema,
        },
      },
    },
  },
} as const;

const ajv = new Ajv({ allErrors: true, strict: true, discriminator: true, verbose: true });
addFormats(ajv, ['uuid']);

/** Compiled once; `verbose` keeps the faulty value and the schema in each error, for French explanations. */
export const matchesRulebookSchema: ValidateFunction<RulebookDocument> =
  ajv.compile<RulebookDocument>(RULEBOOK_JSON_SCHEMA);
