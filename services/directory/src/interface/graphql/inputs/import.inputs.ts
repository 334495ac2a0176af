import { Field, ID, InputType } from '@nestjs/graphql';
import { Base64File } from '@msp/service-kit';

@InputType()
export class ImportDirectoryFileInput {
  @Field(() => ID) structureId!: string;
  @Field(() => Base64File, {
    description:
      'The CSV file’s bytes in base64, as saved (2 MB at most): UTF-8, UTF-16 or Windows-1252, `;` separated',
  })
  csvBase64!: Base64File;
}
