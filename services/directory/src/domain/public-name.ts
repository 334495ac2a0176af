import { isDoctorTitled } from '@msp/contracts/professions';
import type { Profession } from './profession';

/**
 * How a professional is named to patients: "Dr Yann Le Gall", "Gwenaëlle Riou". The Annuaire santé gives the professions
 * whose diploma is a doctorate the civilité d'exercice « Docteur » (DOCTOR_TITLED_PROFESSIONS); every other one is named
 * as is.
 */
export function publicDisplayName(person: { firstName: string; lastName: string; profession: Profession }): string {
  const name = [person.firstName.trim(), person.lastName.trim()].filter(Boolean).join(' ');
  return isDoctorTitled(person.profession) ? `Dr ${name}` : name;
}
