/**
 * Small chart components in plain SVG (no chart library: the dashboard needs bars only). Each
 * chart is a figure with a caption, an SVG that screen readers read as one image described by
 * its figures, and the figures themselves in a table behind "Show the figures".
 */

const number = new Intl.NumberFormat();

export interface Bar {
  label: string;
  value: number;
}

function FigureTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <details>
      <summary>Show the figures</summary>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {head.map((cell) => (
              <th key={cell} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={String(row[0])}>
              {row.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={index}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

const ROW = 28;
const LABEL = 120;
const WIDTH = 420;

/** Horizontal bars, one per label, with the value written at the end of each bar. */
export function BarChart({ title, bars, empty }: { title: string; bars: Bar[]; empty: string }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const described = bars.map((bar) => `${bar.label} ${number.format(bar.value)}`).join(', ');
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      {bars.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <>
          <svg
            role="img"
            aria-label={`${title}: ${described}`}
            viewBox={`0 0 ${WIDTH} ${bars.length * ROW}`}
            preserveAspectRatio="xMinYMin meet"
          >
            {bars.map((bar, index) => {
              const width = ((WIDTH - LABEL - 50) * bar.value) / max;
              const y = index * ROW;
              return (
                <g key={bar.label}>
                  <text x={LABEL - 6} y={y + 18} textAnchor="end" className="chart-label">
                    {bar.label.length > 16 ? `${bar.label.slice(0, 15)}…` : bar.label}
                  </text>
                  <rect x={LABEL} y={y + 5} width={Math.max(width, 1)} height={ROW - 10} className="chart-bar" />
                  <text x={LABEL + width + 6} y={y + 18} className="chart-value">
                    {number.format(bar.value)}
                  </text>
                </g>
              );
            })}
          </svg>
          <FigureTable caption={title} head={['', 'Tickets']} rows={bars.map((bar) => [bar.label, bar.value])} />
        </>
      )}
    </figure>
  );
}

export interface Day {
  day: string;
  created: number;
  solved: number;
}

const HEIGHT = 160;

/** Tickets created and solved per day: paired columns, the first, middle and last day labelled. */
export function VolumeChart({ days }: { days: Day[] }) {
  const max = Math.max(1, ...days.map((day) => Math.max(day.created, day.solved)));
  const created = days.reduce((sum, day) => sum + day.created, 0);
  const solved = days.reduce((sum, day) => sum + day.solved, 0);
  const width = 600;
  const step = width / Math.max(days.length, 1);
  const bar = Math.max(step * 0.4, 0.5);
  const labelled = new Set([0, Math.floor((days.length - 1) / 2), days.length - 1]);
  const title = 'Tickets created and solved per day';
  return (
    <figure className="chart chart-wide">
      <figcaption>
        {title}{' '}
        <span className="legend">
          <span className="swatch created" aria-hidden="true" /> created
          <span className="swatch solved" aria-hidden="true" /> solved
        </span>
      </figcaption>
      <svg
        role="img"
        aria-label={`${title}: ${number.format(created)} created and ${number.format(solved)} solved over ${days.length} days`}
        viewBox={`0 0 ${width} ${HEIGHT + 20}`}
        preserveAspectRatio="xMinYMin meet"
      >
        {days.map((day, index) => {
          const x = index * step;
          const createdHeight = (HEIGHT * day.created) / max;
          const solvedHeight = (HEIGHT * day.solved) / max;
          return (
            <g key={day.day}>
              <rect x={x} y={HEIGHT - createdHeight} width={bar} height={createdHeight} className="chart-bar" />
              <rect
                x={x + bar}
                y={HEIGHT - solvedHeight}
                width={bar}
                height={solvedHeight}
                className="chart-bar solved"
              />
              {labelled.has(index) && (
                <text
                  x={Math.min(x, width - 20)}
                  y={HEIGHT + 15}
                  className="chart-label"
                  textAnchor={index === 0 ? 'start' : 'middle'}
                >
                  {day.day.slice(5)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <FigureTable
        caption={title}
        head={['Day', 'Created', 'Solved']}
        rows={days.map((day) => [day.day, day.created, day.solved])}
      />
    </figure>
  );
}
