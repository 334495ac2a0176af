import { Get, Param, Query, Req } from '@nestjs/common';
import { AllowedCallers, DevelopmentOnly, InternalApiController, InternalApiException } from '@msp/messaging';
import { CallerLookupQuery } from '../../application/identity/caller-lookup.query';
import { DemoCallersQuery } from '../../application/identity/demo-callers.query';
import { MemberContextQuery } from '../../application/identity/member-context.query';
import { TeamSnapshotQuery } from '../../application/identity/team-snapshot.query';
import { DirectoryError } from '../../domain/directory-error';
import { callingService } from './calling-service';

/**
 * Synchronous questions other services ask the directory: who is this member, who is calling this line. Each route is
 * asked by the services it names; the controller admits nobody by default.
 */
@InternalApiController('', { callers: [] })
export class IdentityInternalController {
  constructor(
    private readonly members: MemberContextQuery,
    private readonly callers: CallerLookupQuery,
    private readonly team: TeamSnapshotQuery,
    private readonly demoCallers: DemoCallersQuery,
  ) {}

  /** Sites and current memberships (with delegates' referents), ids only, for services rebuilding their copy. */
  @Get('team')
  @AllowedCallers('scheduling', 'delegation', 'coordination')
  teamSnapshot() {
    return this.team.current();
  }

  /** The gateway turns a verified token subject into the caller's structures, roles and sites. */
  @Get('members/:memberId/context')
  @AllowedCallers('gateway')
  async memberContext(@Param('memberId') memberId: string) {
    const context = await this.members.byMemberId(memberId);
    if (!context) throw new InternalApiException(404, 'DIRECTORY.MEMBER_NOT_FOUND', 'No current member has this id');
    return context;
  }

  /**
   * Development tooling (`npm run token -- --member <e-mail>`) finds a member's id by e-mail. An e-mail oracle over the
   * whole directory: 404 unless INTERNAL_DEVELOPMENT_ROUTES=on (the local development stack only).
   */
  @Get('members')
  @DevelopmentOnly()
  @AllowedCallers('token-cli')
  async memberByEmail(@Query('email') email?: string) {
    if (!email) throw DirectoryError.invalid('email', 'is required');
    const memberId = await this.members.idByEmail(email);
    if (!memberId) throw new InternalApiException(404, 'DIRECTORY.MEMBER_NOT_FOUND', 'No member has this e-mail');
    return { memberId };
  }

  /** Call routing (CAL-1): identify the caller of a site's line by phone number. */
  @Get('callers')
  @AllowedCallers('call-routing')
  async identifyCaller(@Query('phone') phone?: string, @Query('siteId') siteId?: string) {
    if (!phone) throw DirectoryError.invalid('phone', 'is required');
    if (!siteId) throw DirectoryError.invalid('siteId', 'is required');
    const identification = await this.callers.identify(phone, siteId);
    if (!identification) throw new InternalApiException(404, 'DIRECTORY.SITE_NOT_FOUND', 'Unknown site', 'siteId');
    return identification;
  }

  /**
   * Call routing's demo month: the numbers a structure's patients call from, with their médecin traitant, that the demo
   * telephony dials from. A list of a whole structure's phone numbers: 404 unless INTERNAL_DEVELOPMENT_ROUTES=on (the
   * local development stack only), and each patient listed is access-logged.
   */
  @Get('demo-callers')
  @DevelopmentOnly()
  @AllowedCallers('call-routing')
  async demoCallersOf(@Req() request: { callerService?: string }, @Query('structureId') structureId?: string) {
    return { callers: await this.demoCallers.of(callingService(request), structureId) };
  }
}
