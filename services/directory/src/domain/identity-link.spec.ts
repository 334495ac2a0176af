import { decideLink, rppsOfClaim, verifiedEmailOf } from './identity-link';

describe('identity link rules', () => {
  it('reads an RPPS claim bare or as the national id PSC gives practitioners (8 + RPPS), and nothing else', () => {
    expect(rppsOfClaim('10272349340')).toBe('10272349340');
    expect(rppsOfClaim('810272349340')).toBe('10272349340');
    expect(rppsOfClaim('102 7234 9340')).toBe('10272349340');
    expect(rppsOfClaim('10272349341')).toBeUndefined(); // Luhn check digit wrong
    expect(rppsOfClaim('910272349340')).toBeUndefined(); // another national id type
    expect(rppsOfClaim(10272349340)).toBeUndefined();
    expect(rppsOfClaim(undefined)).toBeUndefined();
  });

  it('takes an e-mail only when the issuer says it is verified', () => {
    expect(verifiedEmailOf({ email: 'Dr.Le-Gall@MSP-Lices.demo', emailVerified: true })).toBe(
      'dr.le-gall@msp-lices.demo',
    );
    expect(verifiedEmailOf({ email: 'dr.le-gall@msp-lices.demo', emailVerified: false })).toBeUndefined();
    expect(verifiedEmailOf({ email: 'dr.le-gall@msp-lices.demo' })).toBeUndefined();
    expect(verifiedEmailOf({ email: 'not-an-address', emailVerified: true })).toBeUndefined();
  });

  it('decides by the RPPS before the verified e-mail, and not at all without either', () => {
    expect(decideLink({ byRpps: 'a', byVerifiedEmail: 'b' })).toEqual({ memberId: 'a', rule: 'rpps' });
    expect(decideLink({ byVerifiedEmail: 'b' })).toEqual({ memberId: 'b', rule: 'verified_email' });
    expect(decideLink({})).toBeUndefined();
  });
});
