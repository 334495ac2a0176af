import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import { CurrentUser, SubgraphAuthenticator, type UserContext } from '@msp/auth';
import { oneByKey, requestLoader, type SubgraphContext } from '@msp/service-kit';
import { PatientReader } from '../../../application/patients/patient-reader';
import { RegisterPatientHandler } from '../../../application/patients/register-patient.handler';
import { SetPatientAldHandler } from '../../../application/patients/set-patient-ald.handler';
import { UpdatePatientHandler } from '../../../application/patients/update-patient.handler';
import { AccessLogReader } from '../../../application/reads/access-log-reader';
import { DirectoryLoaders } from '../directory.loaders';
import { RegisterPatientInput, SetPatientAldInput, UpdatePatientInput } from '../inputs/patient.inputs';
import { MemberType } from '../types/member.type';
import { PatientAccessEntryType, PatientType } from '../types/patient.type';

@Resolver(() => PatientType)
export class PatientResolver {
  constructor(
    private readonly patients: PatientReader,
    private readonly registerer: RegisterPatientHandler,
    private readonly updater: UpdatePatientHandler,
    private readonly aldSetter: SetPatientAldHandler,
    private readonly accessLog: AccessLogReader,
    private readonly loaders: DirectoryLoaders,
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

  @Mutation(() => PatientType, {
    description: 'Records that the patient is in ALD, or no longer (practitioners and secretaries; access-logged)',
  })
  setPatientAld(@CurrentUser() user: UserContext, @Args('input') input: SetPatientAldInput) {
    return this.aldSetter.execute(user, input);
  }

  @ResolveField(() => MemberType, { nullable: true })
  medecinTraitant(@Parent() patient: PatientType, @Context() context: SubgraphContext) {
    return patient.medecinTraitantId ? this.loaders.visibleMember(context).load(patient.medecinTraitantId) : null;
  }

  /**
   * The gateway sends every patient of a view (a week's appointments) in one `_entities` call: they are read in one
   * query and logged in one insert, one access-log row per patient shown; those the caller may not see answer null.
   */
  @ResolveReference()
  resolveReference(reference: { id: string }, context: SubgraphContext) {
    return requestLoader(context, 'patientReference', async (ids: readonly string[]) => {
      const user = await this.auth.fromGraphQLContext(context);
      return oneByKey(ids, await this.patients.byIds(user, ids, 'Patient reference'), (patient) => patient.id);
    }).load(reference.id);
  }
}
