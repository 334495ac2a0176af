export type CallerIdentification =
  | {
      kind: 'patient';
      patientId: string;
      medecinTraitantId: string | null;
      passThrough: boolean;
      prefersHuman: boolean;
    }
  | { kind: 'professional'; structureId: string }
  | { kind: 'unknown' };

export interface SiteInformation {
  name: string;
  address: string;
  /** The site's own numbers (E.164), as the directory lists them. */
  phoneLines: string[];
}

/**
 * What call routing asks the directory during a call. Both answer `null`/unknown rather than fail when the directory
 * is slow or down: a call goes on without knowing who calls (CAL-7).
 */
export abstract class CallerDirectory {
  abstract identify(phone: string, siteId: string): Promise<CallerIdentification>;
  abstract siteInformation(siteId: string): Promise<SiteInformation | null>;
}
