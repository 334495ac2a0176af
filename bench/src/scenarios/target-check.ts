import type { TargetCheck } from '../report/bench-result';

/** A target's verdict; what limits it is said only when it is missed. */
export function targetCheck(
  description: string,
  measured: string,
  target: string,
  met: boolean,
  limitedBy?: string,
): TargetCheck {
  return { description, measured, target, met, ...(met || limitedBy === undefined ? {} : { limitedBy }) };
}
