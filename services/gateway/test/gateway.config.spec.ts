import { GatewayConfig } from '../src/config/gateway.config';
import { InvalidConfigError } from '../src/config/invalid-config.error';

describe('GatewayConfig', () => {
  it('has defaults for everything', () => {
    expect(GatewayConfig.fromEnv({}).toJSON()).toEqual({
      port: 4000,
      host: '127.0.0.1',
      subgraphs: [],
      corsOrigins: [],
      logLevel: 'info',
    });
  });

  it('reads subgraphs and CORS origins from comma lists, treating empty variables as unset', () => {
    const config = GatewayConfig.fromEnv({
      PORT: '4555',
      HOST: '',
      GATEWAY_SUBGRAPHS: 'directory=http://127.0.0.1:4101/graphql, scheduling=http://127.0.0.1:4102/graphql',
      CORS_ORIGINS: 'http://localhost:5173,https://console.example',
      LOG_LEVEL: 'debug',
    });
    expect(config.port).toBe(4555);
    expect(config.host).toBe('127.0.0.1');
    expect(config.subgraphs).toEqual([
      { name: 'directory', url: 'http://127.0.0.1:4101/graphql' },
      { name: 'scheduling', url: 'http://127.0.0.1:4102/graphql' },
    ]);
    expect(config.corsOrigins).toEqual(['http://localhost:5173', 'https://console.example']);
    expect(config.logLevel).toBe('debug');
  });

  it('names every wrong variable at once', () => {
    const attempt = (): GatewayConfig =>
      GatewayConfig.fromEnv({ PORT: 'eighty', GATEWAY_SUBGRAPHS: 'directory=ftp://x, scheduling', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(InvalidConfigError);
    try {
      attempt();
    } catch (error) {
      const { problems } = error as InvalidConfigError;
      expect(problems).toHaveLength(4);
      expect(problems[0]).toBe('PORT: must be a port number between 0 and 65535');
      expect(problems[1]).toBe(
        'GATEWAY_SUBGRAPHS: entry "directory=ftp://x" must look like name=http://host:port/graphql',
      );
      expect(problems[2]).toBe('GATEWAY_SUBGRAPHS: entry "scheduling" must look like name=http://host:port/graphql');
      expect(problems[3]).toBe('LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent');
    }
  });

  it('refuses a subgraph listed twice', () => {
    expect(() => GatewayConfig.fromEnv({ GATEWAY_SUBGRAPHS: 'a=http://h/graphql,a=http://i/graphql' })).toThrow(
      'GATEWAY_SUBGRAPHS: subgraph "a" is listed twice',
    );
  });

  it('masks credentials when shown, in errors and in logs', () => {
    const config = GatewayConfig.fromEnv({ GATEWAY_SUBGRAPHS: 'a=http://svc:s3cret@h:1/graphql' });
    expect(JSON.stringify(config)).not.toContain('s3cret');
    expect(JSON.stringify(config)).toContain('http://***@h:1/graphql');
    expect(() => GatewayConfig.fromEnv({ GATEWAY_SUBGRAPHS: 'a=ftp://svc:s3cret@h' })).toThrow('entry "a=ftp://***@h"');
  });
});
