import { Injectable } from '@nestjs/common';
import { defaultTerritoryOf } from '../../domain/calendar/french-holidays';
import type { SiteCalendar } from '../../domain/calendar/site-calendar';
import { DEFAULT_SITE_RULEBOOK } from '../../domain/rulebook/default-rulebook';
import type { DecisionInput, VersionedRulebook } from '../../domain/rulebook/decision.types';
import type { PractitionerStatus, RulebookDocument, RulebookScope } from '../../domain/rulebook/rulebook';
import type { SiteRef } from '../ports/directory-copy.repository';
import { PresenceRepository } from '../ports/presence.repository';
import { RulebookRepository } from '../ports/rulebook.repository';
import { SiteSettingsRepository, type SiteCallSettings } from '../ports/site-settings.repository';
import { defaultSettings } from '../settings/site-call-settings.handler';

/** The default rulebook's version number in traces and the journal: nothing was published yet. */
export const DEFAULT_RULEBOOK_VERSION = 0;

export interface DecisionContext {
  site: SiteRef;
  settings: SiteCallSettings;
  calendar: SiteCalendar;
  rulebooks: VersionedRulebook[];
  statuses: Record<string, PractitionerStatus>;
}

export interface ContextOverrides {
  /** The simulator tries a draft in place of the site's (or the practitioner's) published rulebook. */
  draft?: { scope: RulebookScope['kind']; document: RulebookDocument };
  practitionerStatus?: PractitionerStatus | null;
}

/**
 * Everything a decision reads besides the call: the practitioner's rulebook then the site's (the default one until
 * the site publishes its own), the site's calendar, and the status of the concerned practitioner and of every
 * colleague a rule could forward to.
 */
@Injectable()
export class DecisionContextLoader {
  constructor(
    private readonly rulebooks: RulebookRepository,
    private readonly settings: SiteSettingsRepository,
    private readonly presence: PresenceRepository,
  ) {}

  async load(
    site: SiteRef,
    practitionerId: string | null,
    now: Date,
    overrides: ContextOverrides = {},
  ): Promise<DecisionContext> {
    const scopes: RulebookScope[] = [{ kind: 'site', siteId: site.siteId }];
    if (practitionerId) scopes.unshift({ kind: 'practitioner', practitionerId });
    const [published, stored] = await Promise.all([this.rulebooks.currentOf(scopes), this.settings.get(site.siteId)]);
    const settings = stored ?? defaultSettings(site);
    const rulebooks: VersionedRulebook[] = [];
    for (const scope of scopes) {
      const draft = overrides.draft?.scope === scope.kind ? overrides.draft.document : undefined;
      const current = published.find((r) => r.scope.kind === scope.kind);
      if (draft) rulebooks.push({ scope, version: (current?.version ?? 0) + 1, rules: draft.rules });
      else if (current) rulebooks.push({ scope, version: current.version, rules: current.document.rules });
      else if (scope.kind === 'site')
        rulebooks.push({ scope, version: DEFAULT_RULEBOOK_VERSION, rules: DEFAULT_SITE_RULEBOOK.rules });
    }
    const concerned = new Set<string>(settings.dutyRoster);
    if (practitionerId) concerned.add(practitionerId);
    for (const rulebook of rulebooks)
      for (const rule of rulebook.rules)
        if (rule.then.type === 'forward_on_duty') for (const id of rule.then.colleagues ?? []) concerned.add(id);
    const statuses = await this.presence.statuses([...concerned], now);
    if (practitionerId && overrides.practitionerStatus) statuses[practitionerId] = overrides.practitionerStatus;
    return {
      site,
      settings,
      calendar: {
        timeZone: site.timeZone,
        territory: stored?.territory ?? defaultTerritoryOf(site.timeZone),
        workedHolidays: settings.workedHolidays,
        dutyRoster: settings.dutyRoster,
      },
      rulebooks,
      statuses,
    };
  }
}

export function decisionInputOf(
  context: DecisionContext,
  call: DecisionInput['call'],
  practitionerId: string | null,
  now: Date,
): DecisionInput {
  return {
    call,
    practitionerId,
    rulebooks: context.rulebooks,
    statuses: context.statuses,
    now,
    calendar: context.calendar,
  };
}
