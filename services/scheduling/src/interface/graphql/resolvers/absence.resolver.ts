import { Mutation, Args, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { DeclareAbsenceHandler } from '../../../application/absences/declare-absence.handler';
import { EndAbsenceHandler } from '../../../application/absences/end-absence.handler';
import { DeclareAbsenceInput, EndAbsenceInput } from '../inputs/absence.inputs';
import { toAbsenceType } from '../mappers/agenda.mapper';
import { AbsenceType } from '../types/absence.type';

@Resolver(() => AbsenceType)
export class AbsenceResolver {
  constructor(
    private readonly absences: DeclareAbsenceHandler,
    private readonly absenceEnder: EndAbsenceHandler,
  ) {}

  @Mutation(() => AbsenceType, { description: 'Absence, holiday, training or blocked time, at every site' })
  async declareAbsence(@CurrentUser() user: UserContext, @Args('input') input: DeclareAbsenceInput) {
    return toAbsenceType(await this.absences.execute(user, input));
  }

  @Mutation(() => AbsenceType, { description: 'The practitioner is back earlier than declared' })
  async endAbsence(@CurrentUser() user: UserContext, @Args('input') input: EndAbsenceInput) {
    return toAbsenceType(await this.absenceEnder.execute(user, input));
  }
}
