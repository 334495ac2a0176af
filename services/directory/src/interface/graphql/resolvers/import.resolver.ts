import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { ImportMembersHandler } from '../../../application/imports/import-members.handler';
import { ImportPatientsHandler } from '../../../application/imports/import-patients.handler';
import { ImportDirectoryFileInput } from '../inputs/import.inputs';
import { DirectoryImportResultType } from '../types/import.type';

@Resolver()
export class ImportResolver {
  constructor(
    private readonly membersImport: ImportMembersHandler,
    private readonly patientsImport: ImportPatientsHandler,
  ) {}

  @Mutation(() => DirectoryImportResultType, {
    description: 'Imports the team from a CSV file (administrators; docs/directory-import.md): all or nothing',
  })
  importMembers(@CurrentUser() user: UserContext, @Args('input') input: ImportDirectoryFileInput) {
    return this.membersImport.execute(user, { structureId: input.structureId, csvBase64: input.csvBase64.text });
  }

  @Mutation(() => DirectoryImportResultType, {
    description: 'Imports patients from a CSV file (administrators; docs/directory-import.md): all or nothing',
  })
  importPatients(@CurrentUser() user: UserContext, @Args('input') input: ImportDirectoryFileInput) {
    return this.patientsImport.execute(user, { structureId: input.structureId, csvBase64: input.csvBase64.text });
  }
}
