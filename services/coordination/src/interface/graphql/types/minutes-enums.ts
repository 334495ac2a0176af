import { registerEnumType } from '@nestjs/graphql';

/** The contracts' case themes (CASE_THEMES): the values are the codes themselves. */
export enum CaseThemeEnum {
  complex_patient = 'complex_patient',
  polypathology = 'polypathology',
  polymedication = 'polymedication',
  palliative_care = 'palliative_care',
  elderly_at_home = 'elderly_at_home',
  loss_of_autonomy = 'loss_of_autonomy',
  mental_health = 'mental_health',
  chronic_disease_decompensation = 'chronic_disease_decompensation',
  social_situation = 'social_situation',
  other = 'other',
}

export enum ProtocolRelationEnum {
  elaborated = 'elaborated',
  adopted = 'adopted',
}

registerEnumType(CaseThemeEnum, { name: 'CaseTheme', description: 'Why a case is brought to a meeting (COO-3)' });
registerEnumType(ProtocolRelationEnum, {
  name: 'ProtocolRelation',
  description: 'What the meeting did with a delegation protocol: elaborated or adopted it',
});
