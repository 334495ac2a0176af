/** A number a demo patient calls from, and whose patient it is (the médecin traitant, an opaque id). */
export interface DemoCallerNumber {
  /** E.164. Held in memory while the demo month plays, as a telephony platform holds a caller's number; never stored. */
  phone: string;
  medecinTraitantId: string | null;
}

/**
 * Who may call a demo structure in its demo month: the numbers its patients have in the directory, which a telephony
 * platform would report as the caller's. Asked of the directory's development-only route; an empty list when the
 * directory does not offer it (then every patient of the demo month calls from a number the directory does not know).
 */
export abstract class DemoCallers {
  abstract ofStructure(structureId: string): Promise<DemoCallerNumber[]>;
}
