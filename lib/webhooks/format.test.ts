import { describe, expect, it } from "vitest";
import { facts, humanType, renderBody, slackBody, slackEscape, standardBody, teamsBody, type WebhookMessage } from "./format";

const message: WebhookMessage = {
  type: "item.status_changed",
  at: new Date("2026-12-02T02:00:00Z"),
  launchId: "launch1",
  launchName: "Payments <cutover> & more",
  eventId: "42",
  payload: { itemId: "i1", title: "Smoke tests", from: "TODO", to: "DONE", tags: ["a", "b"], nested: { x: 1 } },
  link: "https://liftoff.example/launches/launch1",
};

describe("webhook bodies", () => {
  it("standard: a stable envelope", () => {
    expect(standardBody(message)).toEqual({
      type: "item.status_changed",
      timestamp: "2026-12-02T02:00:00.000Z",
      data: { launchId: "launch1", eventId: "42", itemId: "i1", title: "Smoke tests", from: "TODO", to: "DONE", tags: ["a", "b"], nested: { x: 1 } },
    });
    expect(JSON.parse(renderBody("STANDARD", message))).toEqual(standardBody(message));
  });

  it("facts: short scalars without ids", () => {
    expect(facts(message.payload)).toEqual([
      { title: "Title", value: "Smoke tests" },
      { title: "From", value: "TODO" },
      { title: "To", value: "DONE" },
      { title: "Tags", value: "a, b" },
    ]);
    expect(facts({ note: "x".repeat(500) })[0].value).toHaveLength(200);
    expect(humanType("status_update.posted")).toBe("Status update posted");
  });

  it("slack: text and blocks, markup escaped", () => {
    const body = slackBody(message);
    expect(body.text).toBe("Payments &lt;cutover&gt; &amp; more: Item status changed");
    expect(body.blocks[0]).toMatchObject({ type: "section", text: { type: "mrkdwn" } });
    expect((body.blocks[0] as { text: { text: string } }).text.text).toContain("*To:* DONE");
    expect(JSON.stringify(body.blocks[1])).toContain("<https://liftoff.example/launches/launch1|Open in Liftoff>");
    expect(slackEscape("<!channel>")).toBe("&lt;!channel&gt;");
  });

  it("teams: an Adaptive Card in attachments", () => {
    const body = teamsBody(message);
    expect(body.type).toBe("message");
    expect(body.attachments).toHaveLength(1);
    const card = body.attachments[0];
    expect(card.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(card.content).toMatchObject({ type: "AdaptiveCard", version: "1.4" });
    const content = card.content as { body: { type: string; text?: string; facts?: unknown[] }[]; actions: { url: string }[] };
    expect(content.body[0].text).toBe("Payments <cutover> & more: Item status changed");
    expect(content.body.find((b) => b.type === "FactSet")?.facts).toHaveLength(4);
    expect(content.actions[0].url).toBe(message.link);
    expect(JSON.parse(renderBody("TEAMS", { ...message, link: null })).attachments[0].content.actions).toBeUndefined();
  });
});
