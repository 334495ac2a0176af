import type { ProfessionV1 } from '@msp/contracts/professions';

/** Professions a member can hold: the vocabulary the directory's member events carry, one list in @msp/contracts. */
export { isProfession, PROFESSIONS } from '@msp/contracts/professions';

export type Profession = ProfessionV1;
