import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { BookPooledSnpSlotHandler } from '../../../application/snp/book-pooled-snp-slot.handler';
import { SnpPoolQuery } from '../../../application/snp/snp-pool.query';
import { BookPooledSnpSlotInput } from '../inputs/booking.inputs';
import { toAppointmentType } from '../mappers/agenda.mapper';
import { AppointmentType } from '../types/appointment.type';
import { SnpSlotType } from '../types/snp-slot.type';

@Resolver(() => SnpSlotType)
export class SnpPoolResolver {
  constructor(
    private readonly pool: SnpPoolQuery,
    private readonly pooledBooker: BookPooledSnpSlotHandler,
  ) {}

  @Mutation(() => AppointmentType, {
    description:
      "Books a patient of the caller's MSP into a released SNP slot of the CPTS pool, in another MSP's agenda (staff of an MSP of the CPTS)",
  })
  async bookPooledSnpSlot(@CurrentUser() user: UserContext, @Args('input') input: BookPooledSnpSlotInput) {
    return toAppointmentType(await this.pooledBooker.execute(user, input), user);
  }

  @Query(() => [SnpSlotType], {
    description: "Free SNP slots, released or not, of the CPTS's practitioner members (for the CPTS's members)",
  })
  async snpSlots(
    @CurrentUser() user: UserContext,
    @Args('cptsId', { type: () => ID }) cptsId: string,
    @Args('from', { description: "YYYY-MM-DD, in each site's zone" }) from: string,
    @Args('to', { description: 'YYYY-MM-DD, included' }) to: string,
    @Args('profession', { type: () => String, nullable: true }) profession?: string | null,
  ) {
    const slots = await this.pool.execute(user, { cptsId, from, to, profession });
    return slots.map((s) => ({
      ...s,
      startsAt: new Date(s.startsAt),
      endsAt: new Date(s.endsAt),
      releasesAt: new Date(s.releasesAt),
    }));
  }
}
