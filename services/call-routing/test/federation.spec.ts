import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { CallRoutingTestApp } from './fixtures/call-routing-test-app';

/**
 * Call routing's subgraph composes into a supergraph (the platform's gateway composes it with the directory and
 * scheduling: deploy/local/test/hostile-input.spec.ts and public-origin.spec.ts run the composed stack).
 */
describe("call routing's federation subgraph", () => {
  let app: CallRoutingTestApp;

  beforeAll(async () => {
    app = await CallRoutingTestApp.start('call_routing_federation');
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('serves its SDL to the gateway and composes, with every query and mutation the console needs', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    const { data } = (await response.json()) as { data: { _service: { sdl: string } } };
    const composition = composeServices([
      { name: 'call-routing', url: `${app.url}/graphql`, typeDefs: parse(data._service.sdl) },
    ]);
    expect(composition.errors ?? []).toEqual([]);
    const schema = composition.schema!.toAPISchema().toGraphQLJSSchema();
    expect(Object.keys(schema.getQueryType()!.getFields()).sort()).toEqual([
      'callJournal',
      'callStatistics',
      'phoneLines',
      'publicHolidays',
      'rulebook',
      'rulebookDiff',
      'rulebookHistory',
      'simulateCall',
      'siteCallSettings',
    ]);
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual([
      'addPhoneLine',
      'publishRulebook',
      'removePhoneLine',
      'saveSiteCallSettings',
    ]);
  });

  it('answers nothing to a caller the gateway did not sign for', async () => {
    const result = await app.gql(`{ phoneLines(structureId: "6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a") { id } }`);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
