import { Module } from '@nestjs/common';
import { Base64FileScalar } from '@msp/service-kit';
import { ImportMembersHandler } from '../application/imports/import-members.handler';
import { ImportPatientsHandler } from '../application/imports/import-patients.handler';
import { ImportResolver } from '../interface/graphql/resolvers/import.resolver';
import { DirectoryPersistenceModule } from './directory-persistence.module';
import { MembersModule } from './members.module';
import { PatientsModule } from './patients.module';

/** Administrators' CSV imports of members and patients, through the members' and patients' own handlers. */
@Module({
  imports: [DirectoryPersistenceModule, MembersModule, PatientsModule],
  providers: [ImportMembersHandler, ImportPatientsHandler, ImportResolver, Base64FileScalar],
})
export class DirectoryImportModule {}
