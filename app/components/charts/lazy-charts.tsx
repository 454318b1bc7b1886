/**
 * The charts of the review pages, loaded after the page. recharts (./charts) is a chunk of its
 * own, imported once the page has hydrated and the browser is idle: the figures and tables are
 * rendered by the server and painted first, and the chart library neither weighs on the page's
 * first load nor blocks the main thread while it hydrates. Until the charts are drawn (and without
 * JavaScript) each one is an empty frame of its final height, so nothing moves when they appear.
 * The chunk comes from the app's own origin, which the Content-Security-Policy allows.
 */
import { startTransition, useEffect, useState } from "react";
import type * as Charts from "./charts";

export type { BarDatum, Series } from "./charts";

type ChartsModule = typeof Charts;

let loaded: ChartsModule | null = null;
let loading: Promise<ChartsModule> | null = null;
const loadCharts = () => (loading ??= import("./charts").then((module) => (loaded = module)));

/** The charts module once it is loaded in the browser; null on the server and while hydrating. */
function useCharts(): ChartsModule | null {
  const [charts, setCharts] = useState<ChartsModule | null>(null);
  useEffect(() => {
    if (loaded) return setCharts(loaded);
    let live = true;
    const start = () => void loadCharts().then((module) => live && startTransition(() => setCharts(module)));
    const idle = window.requestIdleCallback?.(start, { timeout: 1500 }) ?? window.setTimeout(start, 200);
    return () => {
      live = false;
      if (window.cancelIdleCallback) window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, []);
  return charts;
}

function ChartFrame({ height, ariaLabel }: { height: number; ariaLabel: string }) {
  return <div className="chart" role="img" aria-label={ariaLabel} data-testid="chart" style={{ height }} />;
}

type Optional<P, K extends keyof P> = Omit<P, K> & Partial<Pick<P, K>>;

export function BarPanel({ height = 300, ...props }: Optional<Parameters<typeof Charts.BarPanel>[0], "height">) {
  const charts = useCharts();
  return charts ? <charts.BarPanel height={height} {...props} /> : <ChartFrame height={height} ariaLabel={props.ariaLabel} />;
}

export function LinePanel({ height = 260, ...props }: Optional<Parameters<typeof Charts.LinePanel>[0], "height">) {
  const charts = useCharts();
  return charts ? <charts.LinePanel height={height} {...props} /> : <ChartFrame height={height} ariaLabel={props.ariaLabel} />;
}
