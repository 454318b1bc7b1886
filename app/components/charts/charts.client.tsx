/**
 * Charts for the review pages (recharts). Colours are the Okabe–Ito palette (distinguishable with
 * the common colour-vision deficiencies and in greyscale print), every bar can link to the list
 * behind it, and every chart is followed by its numbers in a table by the page.
 * Pages use it through ./lazy-charts, which loads this module (and recharts) after the page.
 */
import { useNavigate } from "@remix-run/react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"];

export interface Series {
  key: string;
  label: string;
  /** Bars of a stack share a stack id. */
  stack?: string;
}

export interface BarDatum {
  label: string;
  href?: string;
  [key: string]: string | number | null | undefined;
}

export function BarPanel({
  data,
  series,
  height,
  layout = "horizontal",
  ariaLabel,
}: {
  data: BarDatum[];
  series: Series[];
  height: number;
  layout?: "horizontal" | "vertical";
  ariaLabel: string;
}) {
  const navigate = useNavigate();
  const vertical = layout === "vertical";
  return (
    <div className="chart" role="img" aria-label={ariaLabel} data-testid="chart">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout={vertical ? "vertical" : "horizontal"} margin={{ top: 8, right: 16, bottom: 8, left: vertical ? 8 : 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          {vertical ? (
            <>
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="label" width={190} tick={{ fontSize: 11 }} interval={0} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" tick={{ fontSize: 11 }} />
              <YAxis allowDecimals={false} />
            </>
          )}
          <Tooltip />
          {/* In the order of the series (the buckets' order), not sorted by name. */}
          {series.length > 1 ? <Legend itemSorter={null} /> : null}
          {series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId={s.stack}
              fill={PALETTE[i % PALETTE.length]}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(entry: { payload?: BarDatum }) => {
                if (entry?.payload?.href) navigate(entry.payload.href);
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function LinePanel({
  data,
  xKey,
  yKey,
  label,
  height,
  ariaLabel,
}: {
  data: Record<string, string | number>[];
  xKey: string;
  yKey: string;
  label: string;
  height: number;
  ariaLabel: string;
}) {
  return (
    <div className="chart" role="img" aria-label={ariaLabel} data-testid="chart">
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey={xKey} tick={{ fontSize: 11 }} minTickGap={24} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Line type="monotone" dataKey={yKey} name={label} stroke={PALETTE[0]} strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
