import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DirectoryImportLine', { description: 'One line of an import file, and what is wrong with it (French)' })
export class DirectoryImportLineType {
  @Field(() => Int, { description: 'As the spreadsheet numbers it: the header is line 1' }) line!: number;
  @Field(() => String, { nullable: true, description: 'The column by its documented name; null for the whole line' })
  column!: string | null;
  @Field() message!: string;
}

@ObjectType('DirectoryImportResult', {
  description:
    'All or nothing: ok and the lines imported, or every error and nothing written (docs/directory-import.md)',
})
export class DirectoryImportResultType {
  @Field() ok!: boolean;
  @Field(() => Int) imported!: number;
  @Field(() => [DirectoryImportLineType]) errors!: DirectoryImportLineType[];
  @Field(() => [DirectoryImportLineType], {
    description: 'Lines naming someone already in the structure: left out, not errors',
  })
  duplicates!: DirectoryImportLineType[];
}
