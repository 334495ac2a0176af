import { notFound } from '@msp/errors';
import { assertStructureAccess, type UserContext } from '../src';

const OWN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const secretary: UserContext = {
  memberId: '33333333-3333-4333-8333-333333333333',
  memberships: [{ structureId: OWN, roles: ['secretary'], siteIds: [] }],
};

const refusal = (work: () => void) => {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('assertStructureAccess', () => {
  it('admits a member holding one of the roles', () => {
    expect(refusal(() => assertStructureAccess(secretary, OWN, ['secretary', 'practitioner']))).toBeUndefined();
  });

  it('answers FORBIDDEN to a member lacking the role in their own structure', () => {
    expect(refusal(() => assertStructureAccess(secretary, OWN, ['administrator']))).toMatchObject({
      kind: 'forbidden',
      code: 'AUTH.FORBIDDEN',
    });
  });

  it('answers another structure exactly as a structure that does not exist: NOT_FOUND', () => {
    const elsewhere = refusal(() => assertStructureAccess(secretary, OTHER, ['secretary']));
    const nowhere = refusal(() => assertStructureAccess(secretary, '44444444-4444-4444-8444-444444444444'));
    expect(elsewhere).toMatchObject({ kind: 'not_found', message: 'Structure not found' });
    expect(nowhere).toEqual(elsewhere);
  });

  it("answers a non-member with the loaded object's own not-found error", () => {
    const patientNotFound = notFound('X.NOT_FOUND', 'Patient', 'id');
    expect(refusal(() => assertStructureAccess(secretary, OTHER, ['secretary'], patientNotFound))).toBe(
      patientNotFound,
    );
  });
});
