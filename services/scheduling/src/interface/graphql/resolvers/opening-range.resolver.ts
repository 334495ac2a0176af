import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { DeclareAbsenceHandler } from '../../../application/absences/declare-absence.handler';
import { EndAbsenceHandler } from '../../../application/absences/end-absence.handler';
import { DefineOpeningRangeHandler } from '../../../application/opening-ranges/define-opening-range.handler';
import { AgendaReader } from '../../../application/reads/agenda-reader';
import { DeclareAbsenceInput, EndAbsenceInput } from '../inputs/absence.inputs';
import { DefineOpeningRangeInput } from '../inputs/opening-range.inputs';
import { toAbsenceType, toOpeningRangeType } from '../mappers/agenda.mapper';
import { AbsenceType } from '../types/absence.type';
import { OpeningRangeType } from '../types/opening-range.type';

@Resolver(() => OpeningRangeType)
export class OpeningRangeResolver {
  constructor(
    private readonly reader: AgendaReader,
    private readonly definer: DefineOpeningRangeHandler,
    private readonly absences: DeclareAbsenceHandler,
    private readonly absenceEnder: EndAbsenceHandler,
  ) {}

  @Query(() => [OpeningRangeType])
  async openingRanges(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
    @Args('practitionerId', { type: () => ID, nullable: true }) practitionerId?: string | null,
  ) {
    return (await this.reader.openingRanges(user, structureId, practitionerId)).map(toOpeningRangeType);
  }

  @Mutation(() => OpeningRangeType, { description: "Adds a recurring range to a practitioner's agenda at a site" })
  async defineOpeningRange(@CurrentUser() user: UserContext, @Args('input') input: DefineOpeningRangeInput) {
    return toOpeningRangeType(await this.definer.execute(user, input));
  }

  @Mutation(() => AbsenceType, { description: 'Absence, holiday, training or blocked time, at every site' })
  async declareAbsence(@CurrentUser() user: UserContext, @Args('input') input: DeclareAbsenceInput) {
    return toAbsenceType(await this.absences.execute(user, input));
  }

  @Mutation(() => AbsenceType, { description: 'The practitioner is back earlier than declared' })
  async endAbsence(@CurrentUser() user: UserContext, @Args('input') input: EndAbsenceInput) {
    return toAbsenceType(await this.absenceEnder.execute(user, input));
  }
}
