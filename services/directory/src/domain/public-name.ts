import type { Profession } from './profession';

/**
 * The professions whose state diploma is a doctorate (medicine, dental surgery, pharmacy): the Annuaire santé gives
 * them the civilité d'exercice « Docteur », and patients look for "Dr Le Gall". Every other profession is named as is.
 */
const DOCTORS: ReadonlySet<Profession> = new Set<Profession>([
  'general_practitioner',
  'specialist_physician',
  'dentist',
  'pharmacist',
]);

/** How a professional is named to patients: "Dr Yann Le Gall", "Gwenaëlle Riou". */
export function publicDisplayName(person: { firstName: string; lastName: string; profession: Profession }): string {
  const name = [person.firstName.trim(), person.lastName.trim()].filter(Boolean).join(' ');
  return DOCTORS.has(person.profession) ? `Dr ${name}` : name;
}
