import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { DomainError } from '@msp/errors';
import { platformActor } from '../../application/actor';
import { OnboardStructureHandler } from '../../application/structures/onboard-structure.handler';
import type { StructureKind } from '../../domain/structure-kind';
import { OperatorModule } from '../../modules/operator.module';

export const OPERATOR_USAGE = `usage: npm run operator -- create-structure --name <name> --kind MSP|CPTS --admin-email <e-mail>
         --admin-first-name <first name> --admin-last-name <last name>
         [--admin-profession <profession, default practice_manager>] [--admin-rpps <11 digits>]
         [--zone <IANA zone, default Europe/Paris>] [--finess <9 digits>] [--cpts-id <uuid of the CPTS>]
Environment: DATABASE_URL, the directory's database (msp_directory under the local stack).`;

export interface OperatorOutput {
  out(line: string): void;
  err(line: string): void;
}

/**
 * A platform operator's commands, run in a Nest application context on the directory's database. `create-structure`
 * onboards a structure and its first administrator through `OnboardStructureHandler` (the handler a CPTS's
 * `addCptsMemberStructure` uses): run again with the same arguments it answers the structure already created and
 * writes nothing; a name or FINESS already taken otherwise is refused. Prints one JSON line; exit code 0 on success,
 * 1 on a refusal (the field and reason printed), 2 on a usage error.
 */
export async function runOperatorCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  output: OperatorOutput,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        kind: { type: 'string' },
        zone: { type: 'string' },
        finess: { type: 'string' },
        'cpts-id': { type: 'string' },
        'admin-email': { type: 'string' },
        'admin-first-name': { type: 'string' },
        'admin-last-name': { type: 'string' },
        'admin-profession': { type: 'string' },
        'admin-rpps': { type: 'string' },
      },
    });
  } catch (error) {
    output.err(`${(error as Error).message}\n${OPERATOR_USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  if (positionals[0] !== 'create-structure' || positionals.length !== 1) {
    output.err(
      `${positionals[0] ? `Unknown command "${positionals.join(' ')}"` : 'A command is required'}\n${OPERATOR_USAGE}`,
    );
    return 2;
  }
  const missing = ['name', 'kind', 'admin-email', 'admin-first-name', 'admin-last-name'].filter(
    (option) => !values[option as keyof typeof values],
  );
  if (missing.length) {
    output.err(`Missing ${missing.map((m) => `--${m}`).join(', ')}\n${OPERATOR_USAGE}`);
    return 2;
  }
  const kind = values.kind?.toUpperCase();
  if (kind !== 'MSP' && kind !== 'CPTS') {
    output.err(`--kind must be MSP or CPTS, not "${values.kind}"\n${OPERATOR_USAGE}`);
    return 2;
  }
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    output.err(
      `DATABASE_URL is not set: give the directory's database (msp_directory under the local stack).\n${OPERATOR_USAGE}`,
    );
    return 2;
  }

  const context = await NestFactory.createApplicationContext(OperatorModule.forRoot(databaseUrl), {
    logger: ['error', 'warn'],
    // A failed start (database unreachable) is thrown to the caller, not a process.exit inside Nest.
    abortOnError: false,
  });
  try {
    const result = await context.get(OnboardStructureHandler).execute(platformActor('operator:create-structure'), {
      kind: kind as StructureKind,
      name: values.name as string,
      finess: values.finess ?? null,
      cptsId: values['cpts-id'] ?? null,
      timeZone: values.zone ?? null,
      administrator: {
        email: values['admin-email'] as string,
        firstName: values['admin-first-name'] as string,
        lastName: values['admin-last-name'] as string,
        profession: values['admin-profession'] ?? 'practice_manager',
        rpps: values['admin-rpps'] ?? null,
      },
    });
    output.out(
      JSON.stringify({
        created: result.created,
        structureId: result.structure.id,
        kind: result.structure.kind,
        name: result.structure.name,
        timeZone: result.structure.timeZone,
        administratorId: result.administrator.id,
        administratorEmail: result.administrator.email,
      }),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    output.err(`Refused (${error.code}${error.field ? `, ${optionOf(error.field)}` : ''}): ${error.message}`);
    return 1;
  } finally {
    await context.close();
  }
}

/** The option the operator typed, for a field the handler names. */
function optionOf(field: string): string {
  const options: Record<string, string> = {
    'input.name': '--name',
    'input.kind': '--kind',
    'input.finess': '--finess',
    'input.cptsId': '--cpts-id',
    'input.timeZone': '--zone',
    'input.administrator.email': '--admin-email',
    'input.administrator.firstName': '--admin-first-name',
    'input.administrator.lastName': '--admin-last-name',
    'input.administrator.profession': '--admin-profession',
    'input.administrator.rpps': '--admin-rpps',
    'input.rpps': '--admin-rpps',
    'input.email': '--admin-email',
  };
  return options[field] ?? field;
}
