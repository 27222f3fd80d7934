/**
 * A horizontal bar chart drawn by hand in SVG (no chart library is installed, and a few bars
 * need none). Each bar carries its number in text beside it, and the same figures are in the
 * table under the chart, so nothing depends on seeing the bars.
 */

/** One bar. */
export interface Bar {
  label: string;
  value: number;
}

/** Where each bar goes, in SVG units: pure, so the geometry is tested without a browser. */
export function barLayout(bars: readonly Bar[], width: number, labelWidth: number, rowHeight: number): { y: number; length: number }[] {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const room = Math.max(0, width - labelWidth - 80);
  return bars.map((bar, index) => ({ y: index * rowHeight, length: (Math.max(0, bar.value) / max) * room }));
}

/** Props of {@link BarChart}. */
export interface BarChartProps {
  id: string;
  title: string;
  bars: readonly Bar[];
}

const width = 900;
const labelWidth = 320;
const rowHeight = 36;

/** The chart. Colours are 7:1 or better against white; the numbers are text. */
export function BarChart({ id, title, bars }: BarChartProps) {
  const layout = barLayout(bars, width, labelWidth, rowHeight);
  const height = Math.max(rowHeight, bars.length * rowHeight);
  return (
    <svg className="bar-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title`} preserveAspectRatio="xMinYMin meet">
      <title id={`${id}-title`}>{title}</title>
      {bars.map((bar, index) => {
        const place = layout[index] ?? { y: 0, length: 0 };
        return (
          <g key={index} transform={`translate(0 ${place.y})`}>
            <text x={labelWidth - 12} y={rowHeight / 2} textAnchor="end" dominantBaseline="middle" className="bar-label">
              {bar.label.length > 34 ? `${bar.label.slice(0, 33)}…` : bar.label}
            </text>
            <rect x={labelWidth} y={6} width={place.length} height={rowHeight - 12} className="bar" />
            <text x={labelWidth + place.length + 8} y={rowHeight / 2} dominantBaseline="middle" className="bar-value">
              {bar.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
