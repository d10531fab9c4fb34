import http from "node:http";

/** A minimal SSE client over raw http (lighter than a browser, so 2,000 fit on this machine). */
export class SseClient {
  private req: http.ClientRequest | null = null;
  connected = false;

  constructor(
    private readonly url: string,
    private readonly headers: Record<string, string>,
    private readonly onEvent: (id: string, event: string, data: string, receivedAt: number) => void,
  ) {}

  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = http.get(this.url, { headers: { accept: "text/event-stream", ...this.headers }, agent: false }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`SSE ${res.statusCode}`));
        this.connected = true;
        res.setEncoding("utf8");
        let buffer = "";
        res.on("data", (chunk: string) => {
          const at = performance.now();
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const raw = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let id = "";
            let event = "message";
            let data = "";
            for (const line of raw.split("\n")) {
              if (line.startsWith("id: ")) id = line.slice(4);
              else if (line.startsWith("event: ")) event = line.slice(7);
              else if (line.startsWith("data: ")) data = line.slice(6);
            }
            if (event === "hello") resolve();
            this.onEvent(id, event, data, at);
          }
        });
        res.on("close", () => (this.connected = false));
      });
      req.on("error", reject);
      this.req = req;
    });
  }

  close() {
    this.req?.destroy();
  }
}

export function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function summarize(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] };
}
