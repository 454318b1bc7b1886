/**
 * The charts of the review pages, loaded when they are about to be seen. recharts
 * (./charts.client) is a chunk of its own, imported once a chart's frame comes within 200 px of
 * the viewport (or the page is printed): the figures and tables are rendered by the server and
 * painted first, and neither the chart library nor drawing the charts (about half a second of
 * main thread for the dashboard's six) weighs on the page's load. Then every chart of the page is
 * drawn at once. Until then, and without JavaScript, each chart is an empty frame of its final
 * height, so nothing moves when they appear. The chunk comes from the app's own origin, which the
 * Content-Security-Policy allows. The module is a `.client` one: the server, which never draws a
 * chart, does not load recharts at all (docs/decisions/025-server-memory.md).
 */
import { startTransition, useEffect, useRef, useState, type RefObject } from "react";
import type * as Charts from "./charts.client";

export type { BarDatum, Series } from "./charts.client";

type ChartsModule = typeof Charts;

let loaded: ChartsModule | null = null;
let loading: Promise<ChartsModule> | null = null;
/** The charts waiting for the module: all of them are drawn in the same render. */
const waiting = new Set<(module: ChartsModule) => void>();

function loadCharts(): void {
  loading ??= import("./charts.client").then((module) => {
    loaded = module;
    startTransition(() => waiting.forEach((draw) => draw(module)));
    return module;
  });
}

/** The charts module once a frame is near the viewport; null on the server and while hydrating. */
function useCharts(frame: RefObject<HTMLDivElement>): ChartsModule | null {
  const [charts, setCharts] = useState<ChartsModule | null>(null);
  useEffect(() => {
    if (loaded) return setCharts(loaded);
    const element = frame.current;
    const observer =
      element && typeof IntersectionObserver !== "undefined"
        ? new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && loadCharts(), { rootMargin: "200px 0px" })
        : null;
    const draw = (module: ChartsModule) => {
      observer?.disconnect();
      setCharts(module);
    };
    waiting.add(draw);
    if (observer && element) observer.observe(element);
    else loadCharts();
    window.addEventListener("beforeprint", loadCharts);
    return () => {
      waiting.delete(draw);
      observer?.disconnect();
      window.removeEventListener("beforeprint", loadCharts);
    };
  }, [frame]);
  return charts;
}

function ChartFrame({ frame, height, ariaLabel }: { frame: RefObject<HTMLDivElement>; height: number; ariaLabel: string }) {
  return <div ref={frame} className="chart" role="img" aria-label={ariaLabel} data-testid="chart" style={{ height }} />;
}

type Optional<P, K extends keyof P> = Omit<P, K> & Partial<Pick<P, K>>;

export function BarPanel({ height = 300, ...props }: Optional<Parameters<typeof Charts.BarPanel>[0], "height">) {
  const frame = useRef<HTMLDivElement>(null);
  const charts = useCharts(frame);
  return charts ? <charts.BarPanel height={height} {...props} /> : <ChartFrame frame={frame} height={height} ariaLabel={props.ariaLabel} />;
}

export function LinePanel({ height = 260, ...props }: Optional<Parameters<typeof Charts.LinePanel>[0], "height">) {
  const frame = useRef<HTMLDivElement>(null);
  const charts = useCharts(frame);
  return charts ? <charts.LinePanel height={height} {...props} /> : <ChartFrame frame={frame} height={height} ariaLabel={props.ariaLabel} />;
}
