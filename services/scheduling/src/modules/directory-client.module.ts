import { Module } from '@nestjs/common';
import { PatientDirectory } from '../application/ports/patient-directory.port';
import { HttpPatientDirectory } from '../infrastructure/directory/http-patient-directory';

/** What scheduling asks the directory synchronously, over its internal HTTP API. */
@Module({
  providers: [{ provide: PatientDirectory, useClass: HttpPatientDirectory }],
  exports: [PatientDirectory],
})
export class DirectoryClientModule {}
