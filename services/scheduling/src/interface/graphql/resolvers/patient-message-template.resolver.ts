import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import {
  PatientMessageTemplates,
  type PatientMessageTemplateView,
} from '../../../application/notifications/patient-message-templates';
import {
  PatientMessageKindGql,
  PatientMessageTemplateType,
  SetPatientMessageTemplateInput,
} from '../types/patient-message-template.type';

const toType = (view: PatientMessageTemplateView): PatientMessageTemplateType => ({
  ...view,
  kind: view.kind as PatientMessageKindGql,
  placeholders: [...view.placeholders],
});

@Resolver(() => PatientMessageTemplateType)
export class PatientMessageTemplateResolver {
  constructor(private readonly templates: PatientMessageTemplates) {}

  @Query(() => [PatientMessageTemplateType], {
    description: "The structure's texts of reminders and waitlist offers (administrators)",
  })
  async patientMessageTemplates(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
  ) {
    return (await this.templates.ofStructure(user, { structureId })).map(toType);
  }

  @Mutation(() => PatientMessageTemplateType, {
    description: "Writes the structure's own text for one kind of message (administrators)",
  })
  async setPatientMessageTemplate(
    @CurrentUser() user: UserContext,
    @Args('input') input: SetPatientMessageTemplateInput,
  ) {
    return toType(await this.templates.set(user, input));
  }

  @Mutation(() => PatientMessageTemplateType, {
    description: 'Back to the French default text for one kind of message (administrators)',
  })
  async resetPatientMessageTemplate(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
    @Args('kind', { type: () => PatientMessageKindGql }) kind: PatientMessageKindGql,
  ) {
    return toType(await this.templates.reset(user, { structureId, kind }));
  }
}
