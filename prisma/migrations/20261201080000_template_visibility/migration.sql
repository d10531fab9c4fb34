-- Templates get a visibility: a saved template is private to the team of the launch it was saved from
-- (launch_id) until an instance admin publishes it; built-ins stay global.
ALTER TABLE "template" ADD COLUMN "launch_id" TEXT;
ALTER TABLE "template" ADD COLUMN "published" BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX "template_launch_id_idx" ON "template"("launch_id");

-- Templates saved before this migration: their launch is recorded in the template.saved audit event.
UPDATE "template" t
SET "launch_id" = e."launch_id"
FROM "event" e
WHERE e."type" = 'template.saved' AND e."payload"->>'templateId' = t."id" AND t."built_in" = false;
