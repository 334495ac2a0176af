import { escalationTarget } from './escalation-target';

const chain = { referentId: 'referent', backupReferentId: 'backup', physicianId: 'physician' };

describe('whom a task escalates to', () => {
  it('is the referent when present', () => {
    expect(escalationTarget(chain, () => false)).toEqual({ kind: 'member', memberId: 'referent' });
  });

  it('is the backup while the referent is away', () => {
    expect(escalationTarget(chain, (id) => id === 'referent')).toEqual({ kind: 'member', memberId: 'backup' });
  });

  it('is the physician the task is for when both referents are away', () => {
    expect(escalationTarget(chain, (id) => id !== 'physician')).toEqual({ kind: 'member', memberId: 'physician' });
  });

  it("is the site's practitioners when everyone named is away, so nothing waits on someone absent", () => {
    expect(escalationTarget(chain, () => true)).toEqual({ kind: 'site_practitioners' });
    expect(escalationTarget({ referentId: null, backupReferentId: null, physicianId: null }, () => false)).toEqual({
      kind: 'site_practitioners',
    });
  });
});
