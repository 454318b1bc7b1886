// The part of autocannon 8's programmatic API the bench uses (the package ships no types).
declare module "autocannon" {
  interface Histogram {
    average: number;
    mean: number;
    p50: number;
    p90: number;
    p99: number;
    max: number;
  }
  interface Client {
    setBody(body: string): void;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    method?: "GET" | "POST";
    headers?: Record<string, string>;
    body?: string;
    setupClient?: (client: Client) => void;
    requests?: { method?: "GET" | "POST"; path?: string; headers?: Record<string, string>; setupRequest?: (request: { body?: string }) => { body?: string } }[];
  }
  interface Result {
    requests: Histogram & { total: number };
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    duration: number;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
