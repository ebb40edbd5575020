import { sparklineGeometry } from '@/components/charts/figures/sparkline-path';

describe('sparklineGeometry', () => {
  it('scales the values into the box, highest at the top', () => {
    const { line, end } = sparklineGeometry([0, 10, 5], 104, 24, 2);
    expect(line).toBe('M2,22 L52,2 L102,12');
    expect(end).toEqual({ x: 102, y: 12 });
  });

  it('closes the area down to the baseline', () => {
    expect(sparklineGeometry([0, 10], 104, 24, 2).area).toBe('M2,22 L102,2 L102,24 L2,24 Z');
  });

  it('draws a flat series across the middle', () => {
    expect(sparklineGeometry([5, 5], 104, 24, 2).line).toBe('M2,12 L102,12');
  });

  it('skips missing values but keeps their place on the x axis', () => {
    expect(sparklineGeometry([0, null, 10], 104, 24, 2).line).toBe('M2,22 L102,2');
  });

  it('draws nothing with fewer than two values', () => {
    expect(sparklineGeometry([3], 104, 24)).toEqual({ line: '', area: '', end: null });
    expect(sparklineGeometry([], 104, 24).line).toBe('');
  });
});
