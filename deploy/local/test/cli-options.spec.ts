import { parseCliOptions, UsageError } from '../src/cli-options';

describe('the launcher options', () => {
  it('starts without Keycloak unless --keycloak is given, and combines it with --no-demo-data', () => {
    expect(parseCliOptions([])).toEqual({ help: false, demoData: true, keycloak: false });
    expect(parseCliOptions(['--keycloak', '--no-demo-data'])).toEqual({ help: false, demoData: false, keycloak: true });
    expect(() => parseCliOptions(['--keycloack'])).toThrow(UsageError);
  });
});
