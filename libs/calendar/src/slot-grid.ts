/** A half-open span of time [start, end). */
export interface TimeSpan {
  start: Date;
  end: Date;
}

/**
 * The grid of one occurrence of an opening range for one slot length: slots every `durationMinutes +
 * bufferAfterMinutes` from its start, each ending within it. Cut on instants, so a day with a clock change inside the
 * range has the slots its real length holds.
 */
export function slotGrid(occurrence: TimeSpan, durationMinutes: number, bufferAfterMinutes: number): TimeSpan[] {
  const length = durationMinutes * 60_000;
  const step = length + bufferAfterMinutes * 60_000;
  const slots: TimeSpan[] = [];
  if (!(length > 0) || !(step > 0)) return slots;
  for (let t = occurrence.start.getTime(); t + length <= occurrence.end.getTime(); t += step)
    slots.push({ start: new Date(t), end: new Date(t + length) });
  return slots;
}

/**
 * Which slots of one occurrence's grid are held back for unscheduled care (SNP): `share` of them, spread evenly over the
 * range (slot i is SNP when the running count floor((i + 1) × share) steps up), decided on the full grid so bookings
 * never move the SNP slots.
 */
export function isSnpIndex(index: number, share: number): boolean {
  return Math.floor((index + 1) * share + 1e-9) > Math.floor(index * share + 1e-9);
}

/** How many of a grid of `slots` slots are SNP under `share` (`isSnpIndex` counted over the grid). */
export function snpSlotCount(slots: number, share: number): number {
  let count = 0;
  for (let i = 0; i < slots; i++) if (isSnpIndex(i, share)) count++;
  return count;
}
