/**
 * Colours and type for the three places a chart appears: the desktop app in its light and dark
 * themes, and print (the PDF memo). The series colours are the Okabe–Ito palette, which stays
 * distinguishable for colour-blind readers and in greyscale print. Type: the smallest chart text
 * (fontSize − 1) is 12 px on screen, and 11 px in print, which the memo draws at 0.85 pt per px: 9.35 pt.
 */
export const CHART_STYLES = ['light', 'dark', 'print'] as const;
export type ChartStyle = (typeof CHART_STYLES)[number];

export interface ChartTheme {
  style: ChartStyle;
  background: string;
  text: string;
  mutedText: string;
  axisLine: string;
  splitLine: string;
  /** Shaded regions such as the law's fitted range. */
  band: string;
  /** Reference lines: zero, S_opt, percentiles. */
  mark: string;
  positive: string;
  negative: string;
  /** Neither saving nor loss: a histogram bin that straddles zero. */
  neutral: string;
  line: string;
  low: string;
  high: string;
  cost: { training: string; pruning: string; engineering: string; data: string; inference: string };
  fontFamily: string;
  fontSize: number;
}

const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
};

const shared = {
  positive: OKABE_ITO.green,
  negative: OKABE_ITO.vermillion,
  low: OKABE_ITO.blue,
  high: OKABE_ITO.orange,
  cost: { training: OKABE_ITO.blue, pruning: OKABE_ITO.skyBlue, engineering: OKABE_ITO.orange, data: OKABE_ITO.purple, inference: OKABE_ITO.green },
  // The memo maps every family to its embedded font; the app loads BIZ UDPGothic with @font-face.
  fontFamily: "'BIZ UDPGothic', sans-serif",
};

const THEMES: Record<ChartStyle, ChartTheme> = {
  light: {
    ...shared, style: 'light', background: 'transparent', text: '#1f2328', mutedText: '#57606a', axisLine: '#8c959f',
    splitLine: '#e5e8eb', band: 'rgba(86, 180, 233, 0.14)', mark: '#24292f', line: OKABE_ITO.blue, neutral: '#a8b0b8', fontSize: 13,
  },
  dark: {
    ...shared, style: 'dark', background: 'transparent', text: '#e6edf3', mutedText: '#9da7b3', axisLine: '#6e7681',
    splitLine: '#30363d', band: 'rgba(86, 180, 233, 0.18)', mark: '#e6edf3', line: OKABE_ITO.skyBlue, neutral: '#6e7681', fontSize: 13,
  },
  print: {
    ...shared, style: 'print', background: 'transparent', text: '#111111', mutedText: '#444444', axisLine: '#666666',
    splitLine: '#dddddd', band: 'rgba(86, 180, 233, 0.16)', mark: '#222222', line: OKABE_ITO.blue, neutral: '#aaaaaa', fontSize: 12,
  },
};

export function chartTheme(style: ChartStyle): ChartTheme {
  return THEMES[style];
}
