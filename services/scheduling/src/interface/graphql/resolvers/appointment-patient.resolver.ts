import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AppointmentType } from '../types/appointment.type';
import { PatientRefType } from '../types/patient-ref.type';

/** `Appointment.patient`: the patient the caller may see (patientId is already masked for others), as a directory reference. */
@Resolver(() => AppointmentType)
export class AppointmentPatientResolver {
  @ResolveField(() => PatientRefType, {
    nullable: true,
    description: 'Resolved by the directory (access-logged); null when hidden from the caller',
  })
  patient(@Parent() appointment: AppointmentType): PatientRefType | null {
    return appointment.patientId ? { id: appointment.patientId } : null;
  }
}
