/**
 * Every text colour we choose in code against the backgrounds it sits on, in light and dark, computed the
 * way WCAG defines contrast: at least 4.5:1. Tailwind 4 writes its palette in oklch, read here from the
 * installed tailwindcss/theme.css (the very values the page's CSS is built from) and converted to sRGB.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CHANGE_TONES } from '@/components/ui/change-indicator';
import { chartTheme } from '@/components/charts/theme';

const THEME_CSS = readFileSync(path.join(process.cwd(), 'node_modules/tailwindcss/theme.css'), 'utf8');

/** Linear-light sRGB channels of a colour written as oklch(L% C h) or #rgb / #rrggbb. */
function linearRgb(css: string): [number, number, number] {
  const hex = css.match(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i);
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d) : hex[1].match(/../g)!;
    return digits.map((d) => {
      const c = parseInt(d, 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
  }
  const oklch = css.match(/^oklch\(([\d.]+)% ([\d.]+) ([\d.]+)\)$/);
  if (!oklch) throw new Error(`cannot read colour ${css}`);
  const [L, C, h] = [Number(oklch[1]) / 100, Number(oklch[2]), (Number(oklch[3]) * Math.PI) / 180];
  const [a, b] = [C * Math.cos(h), C * Math.sin(h)];
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const clip = (v: number) => Math.min(1, Math.max(0, v));
  return [
    clip(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
    clip(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
    clip(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s),
  ];
}

function tailwindColour(name: string): string {
  const found = THEME_CSS.match(new RegExp(`--color-${name}: ([^;]+);`));
  if (!found) throw new Error(`no colour ${name} in tailwindcss/theme.css`);
  return found[1].trim();
}

const luminance = (css: string) => {
  const [r, g, b] = linearRgb(css);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

export function contrast(foreground: string, background: string): number {
  const [hi, lo] = [luminance(foreground), luminance(background)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The text colour a class list gives in a theme: `text-x-n` in light, `dark:text-x-n` in dark. */
function textColour(classes: string, mode: 'light' | 'dark'): string {
  const token = classes.split(/\s+/).find((c) => (mode === 'dark' ? /^dark:text-/.test(c) : /^text-/.test(c)));
  if (!token) throw new Error(`no ${mode} text colour in "${classes}"`);
  return tailwindColour(token.replace(/^dark:/, '').replace(/^text-/, ''));
}

// The KPI cards (components/sales/kpi-cards.tsx, components/live/live-kpi-cards.tsx) are bg-white and
// dark:bg-slate-900; the page behind tiles is bg-slate-50 and dark:bg-slate-950 (app/globals.css).
const BACKGROUNDS = { light: ['white', 'slate-50'], dark: ['slate-900', 'slate-950'] } as const;

describe('text contrast of the palette', () => {
  it('the oklch conversion agrees with known sRGB values', () => {
    // Tailwind 4's slate-900 is #0f172b and red-600 is #e7000b, as published with the palette.
    expect(contrast(tailwindColour('slate-900'), '#0f172b')).toBeCloseTo(1, 2);
    expect(contrast(tailwindColour('red-600'), '#e7000b')).toBeCloseTo(1, 1);
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
  });

  for (const mode of ['light', 'dark'] as const) {
    for (const [tone, classes] of Object.entries(CHANGE_TONES)) {
      for (const background of BACKGROUNDS[mode]) {
        // the ratio is in the test's name, so the run lists every figure
        const ratio = contrast(textColour(classes, mode), tailwindColour(background));
        it(`${mode}: the ${tone} change colour on ${background} is ${ratio.toFixed(2)}:1, at least 4.5:1`, () => {
          expect(ratio).toBeGreaterThanOrEqual(4.5);
        });
      }
    }

    it(`${mode}: chart text and axis labels are at least 4.5:1 on the card`, () => {
      const theme = chartTheme(mode);
      const card = mode === 'dark' ? tailwindColour('slate-900') : '#ffffff';
      for (const colour of [theme.text, theme.mutedText, theme.hoverText]) {
        expect({ colour, ratio: contrast(colour, card) >= 4.5 }).toEqual({ colour, ratio: true });
      }
      expect(contrast(theme.hoverText, theme.hoverBackground)).toBeGreaterThanOrEqual(4.5);
    });
  }
});
