import { type ComponentType, lazy, type LazyExoticComponent } from 'react';
import type { Role } from '../workplace/me.query';

export interface Section {
  path: string;
  /** i18n key of its name in the navigation. */
  labelKey: 'nav.agenda' | 'nav.calls' | 'nav.tasks' | 'nav.meetings' | 'nav.indicators';
  /** Roles the page is for, in the selected structure. */
  roles: readonly Role[];
  /** The page, in a bundle of its own loaded on the first visit. */
  page: LazyExoticComponent<ComponentType>;
}

const EVERYONE: readonly Role[] = ['practitioner', 'secretary', 'medical_assistant', 'coordinator', 'administrator'];

/** The console's sections, in the navigation's order. */
export const SECTIONS: readonly Section[] = [
  {
    path: '/agenda',
    labelKey: 'nav.agenda',
    roles: EVERYONE,
    page: lazy(() => import('../agenda/AgendaPage').then((m) => ({ default: m.AgendaPage }))),
  },
  {
    path: '/appels',
    labelKey: 'nav.calls',
    // Practitioners write their own rules and read the calls about them (call-routing's permissions).
    roles: EVERYONE,
    page: lazy(() => import('../calls/CallsPage').then((m) => ({ default: m.CallsPage }))),
  },
  {
    path: '/taches',
    labelKey: 'nav.tasks',
    // Practitioners validate, assistants and secretaries work the tasks; coordinators and administrators draft
    // protocols and organise the work (delegation's own permissions).
    roles: EVERYONE,
    page: lazy(() => import('../tasks/TasksPage').then((m) => ({ default: m.TasksPage }))),
  },
  {
    path: '/reunions',
    labelKey: 'nav.meetings',
    roles: EVERYONE,
    page: lazy(() => import('../meetings/MeetingsPage').then((m) => ({ default: m.MeetingsPage }))),
  },
  {
    path: '/indicateurs',
    labelKey: 'nav.indicators',
    roles: ['practitioner', 'coordinator', 'administrator'],
    page: lazy(() => import('../indicators/IndicatorsPage').then((m) => ({ default: m.IndicatorsPage }))),
  },
];

/**
 * Pages inside a section, reached from the section's page rather than from the navigation (which keeps the section
 * marked): the agenda's settings and its waitlist.
 */
export interface Subpage {
  path: string;
  roles: readonly Role[];
  page: LazyExoticComponent<ComponentType>;
}

export const SUBPAGES: readonly Subpage[] = [
  {
    path: '/agenda/horaires',
    // Everyone reads the ranges and motifs; the edit controls follow scheduling's permissions.
    roles: EVERYONE,
    page: lazy(() => import('../agenda/settings/AgendaSettingsPage').then((m) => ({ default: m.AgendaSettingsPage }))),
  },
  {
    path: '/agenda/liste-attente',
    // Scheduling shows the waitlist to those who book.
    roles: ['practitioner', 'secretary', 'medical_assistant'],
    page: lazy(() => import('../agenda/waitlist/WaitlistPage').then((m) => ({ default: m.WaitlistPage }))),
  },
];

export function sectionsFor(roles: readonly Role[]): Section[] {
  return SECTIONS.filter((section) => section.roles.some((role) => roles.includes(role)));
}
