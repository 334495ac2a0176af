import { isRole, type Role } from '@msp/auth';
import { DirectoryError } from '../../domain/directory-error';
import { isProfession, PROFESSIONS, type Profession } from '../../domain/profession';
import type { SiteRepository } from '../ports/site.repository';

export function checkProfession(value: string, field = 'input.profession'): Profession {
  if (!isProfession(value))
    throw DirectoryError.invalid(field, `unknown profession "${value}"; one of ${PROFESSIONS.join(', ')}`);
  return value;
}

export function checkRoles(values: readonly string[]): Role[] {
  if (!values.length) throw DirectoryError.invalid('input.roles', 'at least one role is required');
  const unknown = values.filter((v) => !isRole(v));
  if (unknown.length) throw DirectoryError.invalid('input.roles', `unknown role(s) ${unknown.join(', ')}`);
  return [...new Set(values as Role[])];
}

/** Sites must exist and belong to the structure the membership is in. */
export async function checkSites(
  sites: SiteRepository,
  structureId: string,
  siteIds: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(siteIds)];
  if (!unique.length) return [];
  const found = await sites.idsInStructure(structureId, unique);
  if (found.length !== unique.length)
    throw DirectoryError.invalid('input.siteIds', 'every site must belong to the structure');
  return unique;
}

export function checkName(value: string, field: string): string {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > 100) throw DirectoryError.invalid(field, 'must be 1 to 100 characters');
  return trimmed;
}

export function checkEmail(value: string, field: string): string {
  const trimmed = value.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed) || trimmed.length > 254)
    throw DirectoryError.invalid(field, `"${value}" is not an e-mail address`);
  return trimmed;
}
