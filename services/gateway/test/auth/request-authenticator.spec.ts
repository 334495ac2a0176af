import { AuthenticationError, type UserContext } from '@msp/auth';
import { RequestAuthenticator } from '../../src/auth/request-authenticator';
import { ServiceUnavailableError } from '../../src/auth/service-unavailable.error';

const USER: UserContext = { memberId: 'm-1', memberships: [] };

describe('RequestAuthenticator', () => {
  const verify = jest.fn();
  const contextOf = jest.fn();
  const log = { warn: jest.fn() };
  const authenticator = new RequestAuthenticator({ verify }, { contextOf }, log);

  beforeEach(() => jest.resetAllMocks());

  it('resolves the context of the member the token names', async () => {
    verify.mockResolvedValueOnce({ subject: 'm-1' });
    contextOf.mockResolvedValueOnce(USER);
    await expect(authenticator.authenticate('Bearer t', 'corr-1')).resolves.toBe(USER);
    expect(verify).toHaveBeenCalledWith('Bearer t');
    expect(contextOf).toHaveBeenCalledWith('m-1', 'corr-1');
  });

  it('passes the token’s refusal on, without asking the directory', async () => {
    verify.mockRejectedValueOnce(new AuthenticationError('EXPIRED_TOKEN'));
    await expect(authenticator.authenticate('Bearer t')).rejects.toMatchObject({ reason: 'EXPIRED_TOKEN' });
    expect(contextOf).not.toHaveBeenCalled();
  });

  it('answers UNAVAILABLE when the token cannot be checked at all (issuer keys unreachable)', async () => {
    verify.mockRejectedValueOnce(new TypeError('fetch failed'));
    await expect(authenticator.authenticate('Bearer t')).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(log.warn).toHaveBeenCalledWith(expect.objectContaining({ reason: 'fetch failed' }));
    expect(contextOf).not.toHaveBeenCalled();
  });
});
