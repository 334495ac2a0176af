import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CurrentUser, SubgraphAuthenticator, type UserContext } from '@msp/auth';
import { PatientReader } from '../../../application/patients/patient-reader';
import { RegisterPatientHandler } from '../../../application/patients/register-patient.handler';
import { UpdatePatientHandler } from '../../../application/patients/update-patient.handler';
import { AccessLogReader } from '../../../application/reads/access-log-reader';
import { DirectoryReader } from '../../../application/reads/directory-reader';
import { RegisterPatientInput, UpdatePatientInput } from '../inputs/patient.inputs';
import { MemberType } from '../types/member.type';
import { PatientAccessEntryType, PatientType } from '../types/patient.type';

@Resolver(() => PatientType)
export class PatientResolver {
  constructor(
    private readonly patients: PatientReader,
    private readonly registerer: RegisterPatientHandler,
    private readonly updater: UpdatePatientHandler,
    private readonly accessLog: AccessLogReader,
    private readonly directory: DirectoryReader,
    private readonly auth: SubgraphAuthenticator,
  ) {}

  @Query(() => PatientType)
  patient(@CurrentUser() user: UserContext, @Args('id', { type: () => ID }) id: string) {
    return this.patients.byId(user, id, 'patient');
  }

  @Query(() => [PatientType], { description: 'Staff search by name, birth date or phone (at least one)' })
  searchPatients(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
    @Args('name', { type: () => String, nullable: true }) name?: string,
    @Args('birthDate', { type: () => String, nullable: true }) birthDate?: string,
    @Args('phone', { type: () => String, nullable: true }) phone?: string,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
  ) {
    return this.patients.search(user, { structureId, name, birthDate, phone, limit });
  }

  @Query(() => [PatientAccessEntryType], { description: 'Who read which patient, newest first (administrators)' })
  patientAccessLog(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
    @Args('patientId', { type: () => ID, nullable: true }) patientId?: string,
    @Args('memberId', { type: () => ID, nullable: true }) memberId?: string,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
  ) {
    return this.accessLog.entries(user, { structureId, patientId, memberId, limit });
  }

  @Mutation(() => PatientType)
  registerPatient(@CurrentUser() user: UserContext, @Args('input') input: RegisterPatientInput) {
    return this.registerer.execute(user, input);
  }

  @Mutation(() => PatientType)
  updatePatient(@CurrentUser() user: UserContext, @Args('input') input: UpdatePatientInput) {
    return this.updater.execute(user, input);
  }

  @ResolveField(() => MemberType, { nullable: true })
  async medecinTraitant(@CurrentUser() user: UserContext, @Parent() patient: PatientType) {
    return patient.medecinTraitantId
      ? ((await this.directory.visibleMembers(user, [patient.medecinTraitantId]))[0] ?? null)
      : null;
  }

  @ResolveReference()
  async resolveReference(reference: { id: string }, context: object) {
    const [patient] = await this.patients.byIds(
      await this.auth.fromGraphQLContext(context),
      [reference.id],
      'Patient reference',
    );
    return patient ?? null;
  }
}
