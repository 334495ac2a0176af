/** One opening range of a site on an ISO weekday (1 = Monday), local wall-clock times in the site's zone. */
export interface OpeningHoursV1 {
  weekday: number;
  opens: string;
  closes: string;
}

export const openingHoursSchema = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['weekday', 'opens', 'closes'],
    properties: {
      weekday: { type: 'integer', minimum: 1, maximum: 7 },
      opens: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' },
      closes: { type: 'string', pattern: '^([01]\\d|2[0-4]):[0-5]\\d$' },
    },
  },
} as const;
