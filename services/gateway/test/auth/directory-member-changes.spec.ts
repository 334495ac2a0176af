import { DirectoryMemberChanges } from '../../src/auth/directory-member-changes';

describe('DirectoryMemberChanges', () => {
  const forget = jest.fn<void, [string]>();
  const log = { log: jest.fn(), warn: jest.fn(), error: jest.fn() };
  const changes = new DirectoryMemberChanges({ brokers: ['127.0.0.1:1'] }, forget, log);
  const record = (type: string | undefined, data: unknown) => ({
    message: {
      headers: type ? { ce_type: Buffer.from(type) } : {},
      value: Buffer.from(JSON.stringify(data)),
    } as never,
  });

  beforeEach(() => jest.resetAllMocks());

  it.each(['directory.member.joined.v1', 'directory.member.updated.v1', 'directory.member.left.v1'])(
    'forgets the member of a %s event',
    (type) => {
      changes.onRecord(record(type, { memberId: 'm-1', structureId: 's-1' }));
      expect(forget).toHaveBeenCalledWith('m-1');
    },
  );

  it('ignores the directory’s other events and records without a type', () => {
    changes.onRecord(record('directory.patient.updated.v1', { memberId: 'm-1' }));
    changes.onRecord(record(undefined, { memberId: 'm-1' }));
    expect(forget).not.toHaveBeenCalled();
  });

  it('warns about a member event it cannot read', () => {
    changes.onRecord(record('directory.member.left.v1', { structureId: 's-1' }));
    expect(forget).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith(expect.objectContaining({ type: 'directory.member.left.v1' }));
  });

  it('takes changes as heard only once its consumer has reported in', () => {
    expect(changes.heard()).toBe(false);
  });
});
