import { describe, expect, it } from "vitest";
import { isSaving, whilePending } from "./pending-store";

function deferred() {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe("pending store", () => {
  it("keeps an item saving until its last overlapping change is answered", async () => {
    const first = deferred();
    const second = deferred();
    const a = whilePending(["a"], () => first.promise);
    const b = whilePending(["a", "b"], () => second.promise);
    expect([isSaving("a"), isSaving("b"), isSaving()]).toEqual([true, true, true]);
    first.resolve();
    await a;
    expect([isSaving("a"), isSaving("b")]).toEqual([true, true]);
    second.resolve();
    await b;
    expect([isSaving("a"), isSaving("b"), isSaving()]).toEqual([false, false, false]);
  });

  it("clears a change that failed, and passes its error on", async () => {
    const call = deferred();
    const pending = whilePending(["c"], () => call.promise);
    expect(isSaving("c")).toBe(true);
    call.reject(new Error("network"));
    await expect(pending).rejects.toThrow("network");
    expect(isSaving("c")).toBe(false);
    expect(isSaving()).toBe(false);
  });
});
