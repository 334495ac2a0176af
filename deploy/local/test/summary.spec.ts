import { DemoDataReport } from '../src/boot-checks';
import { StackSummary } from '../src/local-stack';
import { planService } from '../src/service-env';
import { SERVICES } from '../src/services';
import { formatSummary } from '../src/summary';

const paths = { workspaceRoot: '/repo', logsDir: '/data/logs' };
const planned = SERVICES.map((definition, index) =>
  planService(
    definition,
    5000 + index,
    paths,
    definition.database ? `postgres://127.0.0.1/msp_${definition.name}` : undefined,
    definition.publicListener ? 6000 + index : undefined,
  ),
);

function summaryWith(outcomes: Record<string, DemoDataReport['outcome']>, keycloak?: StackSummary['keycloak']): string {
  const summary: StackSummary = {
    gateway: planned.find((s) => s.definition.role === 'gateway'),
    services: planned.map((service, index) => ({ service, pid: 100 + index })),
    postgres: { origin: 'DATABASE_URL', url: 'postgres://127.0.0.1/postgres' },
    kafka: { brokers: '127.0.0.1:9092', origin: 'KAFKA_BROKERS' },
    topics: { created: [], existing: ['directory.events'] },
    demoData: SERVICES.filter((s) => s.demoData).map((s) => ({
      service: s.name,
      declared: s.demoData!,
      outcome: outcomes[s.name],
    })),
    keycloak,
    dataDir: '/data',
    logsDir: '/data/logs',
  };
  return formatSummary(summary);
}

describe('the summary about demo data', () => {
  it('says it was loaded into empty databases, and what, only when every database was empty', () => {
    const text = summaryWith({
      directory: 'loaded',
      scheduling: 'loaded',
      'call-routing': 'loaded',
      delegation: 'loaded',
      coordination: 'loaded',
    });
    expect(text).toMatch(/Demo data\s+loaded into empty databases\n/);
    expect(text).toMatch(/directory: the MSP des Lices \(3 sites, 500 patients\), its CPTS/);
    expect(text).toMatch(/scheduling: standard motifs and weekly opening ranges/);
    expect(text).toMatch(/call-routing: a line per demo site/);
    expect(text).toMatch(/delegation: protocols adopted by a physician of each practice/);
    expect(text).toMatch(/coordination: the MSP des Lices' last month of concertation/);
    expect(text).not.toContain('already holds');
  });

  it('says the existing data was kept, and how to start from scratch, when the databases already held data', () => {
    const text = summaryWith({
      directory: 'kept',
      scheduling: 'kept',
      'call-routing': 'kept',
      delegation: 'kept',
      coordination: 'kept',
    });
    expect(text).toMatch(/Demo data\s+not loaded: the databases already held data, kept as it was\n/);
    expect(text).toMatch(/directory: already holds structures, left as they are\n/);
    expect(text).toMatch(/scheduling: already holds motifs, left as they are\n/);
    expect(text).toMatch(/call-routing: already holds phone lines, left as they are\n/);
    expect(text).toMatch(/delegation: already holds protocols, left as they are\n/);
    expect(text).toMatch(/coordination: already holds meetings, left as they are\n/);
    expect(text).toContain('another MSP_DATABASE_PREFIX, or drop those databases');
    expect(text).not.toMatch(/loaded into empty/);
  });

  it('tells service by service when only some databases were empty', () => {
    const text = summaryWith({
      directory: 'kept',
      scheduling: 'loaded',
      'call-routing': 'loaded',
      delegation: 'loaded',
      coordination: 'loaded',
    });
    expect(text).toMatch(/Demo data\s+loaded only where a database was empty\n/);
    expect(text).toMatch(/directory: already holds structures, left as they are\n/);
    expect(text).toMatch(/scheduling: standard motifs and weekly opening ranges/);
  });

  it('says it was skipped with --no-demo-data', () => {
    const text = summaryWith({
      directory: 'skipped',
      scheduling: 'skipped',
      'call-routing': 'skipped',
      delegation: 'skipped',
      coordination: 'skipped',
    });
    expect(text).toMatch(/Demo data\s+skipped \(--no-demo-data\)\n/);
    expect(text).not.toMatch(/loaded|already holds/);
  });
});

describe('the summary with --keycloak', () => {
  const loaded = { directory: 'loaded', scheduling: 'loaded' } as Record<string, DemoDataReport['outcome']>;

  it('prints where Keycloak runs, its issuer, the test users and how to get a token', () => {
    const text = summaryWith(loaded, {
      url: 'http://127.0.0.1:8180',
      issuer: 'http://127.0.0.1:8180/realms/msp',
      logFile: '/data/logs/keycloak.log',
      admin: { username: 'admin', password: 'admin' },
      users: [{ username: 'yann.legall', password: 'msp-demo', who: 'Dr Yann Le Gall, matched by his RPPS' }],
    });
    expect(text).toMatch(/Keycloak\s+http:\/\/127\.0\.0\.1:8180 {2}\(admin console: admin \/ admin/);
    expect(text).toMatch(/issuer\s+http:\/\/127\.0\.0\.1:8180\/realms\/msp\n/);
    expect(text).toMatch(/test user\s+yann\.legall \/ msp-demo: Dr Yann Le Gall/);
    expect(text).toContain('-d username=yann.legall -d password=msp-demo http://127.0.0.1:8180/realms/msp/protocol');
  });

  it('says nothing of Keycloak without the option', () => {
    expect(summaryWith(loaded)).not.toMatch(/Keycloak/);
  });
});
