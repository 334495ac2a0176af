/**
 * The ACI's concertation rule (COO-7) counts, per general practitioner, the cases of their médecin-traitant patients
 * aged 75 or more, or in ALD (affection de longue durée). The directory answers the population; coordination applies
 * the thresholds (at least 5 % of each GP's eligible patients).
 */
export const ACI_ELDERLY_AGE = 75;

/**
 * Why identities may leave the directory through the internal API, and the one service that may give each reason:
 * the coordination minutes' PDF export, for a member entitled to read them who asked for names.
 */
export const IDENTITY_EXPORT_PURPOSES: Readonly<Record<string, string>> = { coordination_minutes: 'coordination' };

/** At most this many identities per request: a meeting's cases, not a patient list. */
export const MAX_IDENTITIES_PER_REQUEST = 200;
