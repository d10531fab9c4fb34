import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postTo, resolveTarget, TargetRefused } from "./target";

// The HTTP side of a delivery against real sockets on 127.0.0.1: the connection goes to the address that
// was checked whatever the URL's name resolves to now (DNS rebinding), slow receivers time out, and a
// receiver's answer is read only up to a bound.

let server: http.Server;
let port: number;
const hosts: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hosts.push(String(req.headers.host));
    if (req.url === "/slow") return void setTimeout(() => res.end("late"), 2_000);
    if (req.url === "/huge") {
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, "x");
      let sent = 0;
      const pump = () => {
        while (sent < 200 && res.write(chunk)) sent++;
        if (sent < 200) res.once("drain", pump);
        else res.end();
      };
      return pump();
    }
    res.writeHead(204).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((r) => server.close(r)));

describe("webhook targets", () => {
  it("connects to the checked address, not to what the name resolves to at connection time", async () => {
    // "rebind.invalid" never resolves; the pinned address is used instead of a second lookup.
    const target = { url: new URL(`http://rebind.invalid:${port}/hook`), address: "127.0.0.1", family: 4 as const };
    const result = await postTo(target, {}, "{}");
    expect(result).toMatchObject({ status: 204, error: null });
    expect(hosts.at(-1)).toBe(`rebind.invalid:${port}`);
  });

  it("refuses a name with any private answer, and resolves through the given resolver once", async () => {
    let calls = 0;
    const resolver = async () => {
      calls++;
      return [{ address: "93.184.216.34", family: 4 }, { address: "10.0.0.1", family: 4 }];
    };
    await expect(resolveTarget("https://mixed.example/hook", { allowPrivate: false, resolver })).rejects.toThrow(TargetRefused);
    expect(calls).toBe(1);
    const publicOnly = async () => [{ address: "93.184.216.34", family: 4 }];
    await expect(resolveTarget("https://public.example/hook", { allowPrivate: false, resolver: publicOnly })).resolves.toMatchObject({ address: "93.184.216.34", family: 4 });
    const failing = async () => {
      throw new Error("ENOTFOUND");
    };
    await expect(resolveTarget("https://nowhere.example/hook", { allowPrivate: false, resolver: failing })).rejects.toMatchObject({ retryable: true });
    await expect(resolveTarget("http://[::ffff:7f00:1]/", { allowPrivate: false })).rejects.toMatchObject({ retryable: false });
  });

  it("gives up on a receiver that does not answer in time", async () => {
    const target = await resolveTarget(`http://127.0.0.1:${port}/slow`, { allowPrivate: true });
    const result = await postTo(target, {}, "{}", 300);
    expect(result.status).toBeNull();
    expect(result.error).toMatch(/No answer within/);
    expect(result.ms).toBeLessThan(1_500);
  });

  it("reads a long answer only up to the bound", async () => {
    const target = await resolveTarget(`http://127.0.0.1:${port}/huge`, { allowPrivate: true });
    const result = await postTo(target, {}, "{}");
    expect(result).toMatchObject({ status: 200, error: null });
  });
});
