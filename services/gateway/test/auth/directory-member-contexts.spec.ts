import { AuthenticationError, type UserContext } from '@msp/auth';
import { InternalRejectedError, InternalTimeoutError, InternalUnavailableError } from '@msp/messaging';
import { DirectoryMemberContexts } from '../../src/auth/directory-member-contexts';
import { ServiceUnavailableError } from '../../src/auth/service-unavailable.error';

const CONTEXT: UserContext = {
  memberId: 'm-1',
  memberships: [{ structureId: 's-1', roles: ['coordinator'], siteIds: ['site-1'] }],
};

describe('DirectoryMemberContexts', () => {
  const get = jest.fn<Promise<unknown>, [string, string | undefined]>();
  const log = { warn: jest.fn(), error: jest.fn() };
  const contexts = (ttlMs = 30_000) => new DirectoryMemberContexts({ get: get as never }, log, { ttlMs });

  beforeEach(() => {
    jest.resetAllMocks();
  });

  it('asks the directory for the member’s context, passing the correlation id', async () => {
    get.mockResolvedValueOnce(CONTEXT);
    await expect(contexts().contextOf('m-1', 'corr-1')).resolves.toEqual(CONTEXT);
    expect(get).toHaveBeenCalledWith('/internal/members/m-1/context', 'corr-1');
  });

  it('escapes the member id in the path', async () => {
    get.mockResolvedValueOnce({ ...CONTEXT, memberId: '../admin?x' });
    await contexts().contextOf('../admin?x');
    expect(get).toHaveBeenCalledWith('/internal/members/..%2Fadmin%3Fx/context', undefined);
  });

  it('reuses a context for its lifetime, and shares one call among concurrent requests', async () => {
    get.mockResolvedValue(CONTEXT);
    const members = contexts();
    await Promise.all([members.contextOf('m-1'), members.contextOf('m-1'), members.contextOf('m-1')]);
    await members.contextOf('m-1');
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('asks again once the context has expired', async () => {
    get.mockResolvedValue(CONTEXT);
    const members = contexts(0);
    await members.contextOf('m-1');
    await members.contextOf('m-1');
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('keeps only the known fields', async () => {
    get.mockResolvedValueOnce({
      ...CONTEXT,
      email: 'x@example.org',
      memberships: [{ ...CONTEXT.memberships[0], extra: 1 }],
    });
    await expect(contexts().contextOf('m-1')).resolves.toEqual(CONTEXT);
  });

  it('turns the directory’s "member not found" into UNKNOWN_MEMBER, and does not remember it', async () => {
    get.mockRejectedValue(new InternalRejectedError(404, 'DIRECTORY.MEMBER_NOT_FOUND', 'No member m-9'));
    const members = contexts();
    await expect(members.contextOf('m-9')).rejects.toEqual(new AuthenticationError('UNKNOWN_MEMBER'));
    await expect(members.contextOf('m-9')).rejects.toMatchObject({ reason: 'UNKNOWN_MEMBER' });
    expect(get).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['a timeout', new InternalTimeoutError('directory', '/internal/members/m-1/context', 1500), 'warn'],
    ['an unreachable directory', new InternalUnavailableError('directory', '/x', 'ECONNREFUSED'), 'warn'],
    [
      'a refusal of the gateway itself',
      new InternalRejectedError(401, 'UNAUTHENTICATED', 'Invalid service token'),
      'error',
    ],
    [
      'a 404 that is not about the member',
      new InternalRejectedError(404, 'NOT_FOUND', 'Cannot GET /internal/x'),
      'error',
    ],
  ] as const)('answers a retryable UNAVAILABLE on %s, and logs why', async (_label, failure, level) => {
    get.mockRejectedValueOnce(failure);
    const refusal = contexts().contextOf('m-1');
    await expect(refusal).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(refusal).rejects.toMatchObject({ extensions: { code: 'UNAVAILABLE', retryable: true } });
    expect(log[level]).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['an unknown role', { ...CONTEXT, memberships: [{ structureId: 's-1', roles: ['overlord'], siteIds: [] }] }],
    ['another member', { ...CONTEXT, memberId: 'm-2' }],
    ['no memberships list', { memberId: 'm-1' }],
  ])('refuses a context with %s rather than sign it', async (_label, body) => {
    get.mockResolvedValueOnce(body);
    await expect(contexts().contextOf('m-1')).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(log.error).toHaveBeenCalledWith(
      expect.objectContaining({ msg: 'directory answered a malformed member context' }),
    );
  });

  describe('while the directory cannot be reached', () => {
    let clock: number;
    let heard: boolean;
    const away = new InternalTimeoutError('directory', '/internal/members/m-1/context', 1500);
    const degraded = () =>
      new DirectoryMemberContexts({ get: get as never }, log, {
        ttlMs: 30_000,
        maxStaleMs: 900_000,
        changesHeard: () => heard,
        now: () => clock,
      });

    beforeEach(() => {
      clock = 0;
      heard = true;
    });

    it.each([
      ['a timeout', away],
      ['an unreachable directory', new InternalUnavailableError('directory', '/x', 'ECONNREFUSED')],
      ['a directory without its database', new InternalRejectedError(503, 'PLATFORM.UNAVAILABLE', 'retry')],
    ])('serves the last verified context past its lifetime on %s, and says so in the log', async (_label, failure) => {
      get.mockResolvedValueOnce(CONTEXT).mockRejectedValue(failure);
      const members = degraded();
      await members.contextOf('m-1');
      clock = 899_999;
      await expect(members.contextOf('m-1')).resolves.toEqual(CONTEXT);
      expect(get).toHaveBeenCalledTimes(2);
      expect(log.warn).toHaveBeenCalledWith(
        expect.objectContaining({ msg: 'directory unavailable: serving the member context last verified' }),
      );
    });

    it('stops serving it once the allowed staleness is over', async () => {
      get.mockResolvedValueOnce(CONTEXT).mockRejectedValue(away);
      const members = degraded();
      await members.contextOf('m-1');
      clock = 900_000;
      await expect(members.contextOf('m-1')).rejects.toBeInstanceOf(ServiceUnavailableError);
    });

    it('serves nothing stale while the directory’s member changes are not heard', async () => {
      get.mockResolvedValueOnce(CONTEXT).mockRejectedValue(away);
      const members = degraded();
      await members.contextOf('m-1');
      heard = false;
      clock = 60_000;
      await expect(members.contextOf('m-1')).rejects.toBeInstanceOf(ServiceUnavailableError);
    });

    it('serves nothing stale when the directory refuses the gateway itself', async () => {
      get.mockResolvedValueOnce(CONTEXT).mockRejectedValue(new InternalRejectedError(403, 'FORBIDDEN', 'caller'));
      const members = degraded();
      await members.contextOf('m-1');
      clock = 60_000;
      await expect(members.contextOf('m-1')).rejects.toBeInstanceOf(ServiceUnavailableError);
    });

    it('forgets a member the directory announces as changed, fresh or stale', async () => {
      get.mockResolvedValueOnce(CONTEXT).mockRejectedValue(away);
      const members = degraded();
      await members.contextOf('m-1');
      members.forget('m-1');
      await expect(members.contextOf('m-1')).rejects.toBeInstanceOf(ServiceUnavailableError);
    });

    it('does not keep an answer that was under way when the member changed', async () => {
      let answer!: (context: UserContext) => void;
      get.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve))).mockResolvedValue(CONTEXT);
      const members = degraded();
      const first = members.contextOf('m-1');
      members.forget('m-1');
      answer(CONTEXT);
      await first;
      await members.contextOf('m-1');
      expect(get).toHaveBeenCalledTimes(2);
    });
  });
});
