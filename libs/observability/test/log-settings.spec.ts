import { resolveLogSettings } from '../src';

describe('resolveLogSettings', () => {
  it('logs JSON at info by default', () => {
    expect(resolveLogSettings({ serviceName: 's' }, {})).toEqual({ level: 'info', pretty: false });
  });

  it('reads LOG_LEVEL and pretty-prints in development unless LOG_PRETTY says otherwise', () => {
    expect(resolveLogSettings({ serviceName: 's' }, { LOG_LEVEL: 'debug', NODE_ENV: 'development' })).toEqual({
      level: 'debug',
      pretty: true,
    });
    expect(resolveLogSettings({ serviceName: 's' }, { NODE_ENV: 'development', LOG_PRETTY: 'false' }).pretty).toBe(
      false,
    );
    expect(resolveLogSettings({ serviceName: 's' }, { LOG_PRETTY: 'true' }).pretty).toBe(true);
  });

  it('lets explicit options win over the environment', () => {
    expect(
      resolveLogSettings(
        { serviceName: 's', logLevel: 'warn', prettyLogs: false },
        { LOG_LEVEL: 'debug', LOG_PRETTY: 'true' },
      ),
    ).toEqual({
      level: 'warn',
      pretty: false,
    });
  });

  it('names the variable when a value is wrong', () => {
    expect(() => resolveLogSettings({ serviceName: 's' }, { LOG_LEVEL: 'verbose' })).toThrow(
      /^LOG_LEVEL must be one of fatal, error/,
    );
    expect(() => resolveLogSettings({ serviceName: 's' }, { LOG_PRETTY: 'yes' })).toThrow(
      'LOG_PRETTY must be true or false',
    );
  });
});
