import { formatFigure, formatMultiple, formatPercent } from '../src/report/figures';

describe('figures of the report', () => {
  it('reads a share of the baseline as a percentage', () => {
    expect(formatPercent(95 / 950)).toBe('10 %');
    expect(formatPercent(1 / 3)).toBe('33.3 %');
    expect(formatPercent(0.0123)).toBe('1.23 %');
    expect(formatPercent(1.5)).toBe('150 %');
  });

  it('reads a latency ratio as a multiple of the baseline', () => {
    expect(formatMultiple(20 / 5)).toBe('×4');
    expect(formatMultiple(30 / 9)).toBe('×3.33');
  });

  it('keeps the digits of sub-millisecond figures and drops meaningless decimals from large ones', () => {
    expect(formatFigure(0.4128)).toBe('0.413');
    expect(formatFigure(14.26)).toBe('14.3');
    expect(formatFigure(1234.4)).toBe('1234');
    expect(formatFigure(0)).toBe('0');
  });
});
