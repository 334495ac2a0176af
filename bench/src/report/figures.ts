/**
 * How numbers read in the report: three significant digits, whole numbers from 100 up. Sub-millisecond baselines keep
 * their digits ("0.412") while large figures lose meaningless decimals ("1234").
 */
export function formatFigure(value: number): string {
  return value >= 100 ? String(Math.round(value)) : String(Number(value.toPrecision(3)));
}

/** 0.1 → "10 %". */
export function formatPercent(fraction: number): string {
  return `${formatFigure(fraction * 100)} %`;
}

/** 4.2 → "×4.2": how many times the baseline's figure. */
export function formatMultiple(multiple: number): string {
  return `×${formatFigure(multiple)}`;
}
