-- Hypercare after go-live: exit criteria, the incident log with its timeline, and the audited close.
CREATE TYPE "CriterionKind" AS ENUM ('NO_SEV1', 'METRIC', 'SIGNED');
CREATE TYPE "MetricComparator" AS ENUM ('BELOW', 'ABOVE');
CREATE TYPE "IncidentState" AS ENUM ('INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED');

CREATE TABLE "hypercare" (
    "launch_id" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "planned_end_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "closed_by_id" TEXT,
    "override_reason" TEXT,
    "overridden_blockers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "hypercare_pkey" PRIMARY KEY ("launch_id")
);

CREATE TABLE "hypercare_criterion" (
    "id" TEXT NOT NULL,
    "launch_id" TEXT NOT NULL,
    "kind" "CriterionKind" NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "days" INTEGER,
    "comparator" "MetricComparator",
    "threshold" TEXT,
    "unit" TEXT NOT NULL DEFAULT '',
    "hours" INTEGER,
    "value" TEXT,
    "value_recorded_at" TIMESTAMPTZ(3),
    "value_recorded_by_id" TEXT,
    "signed_at" TIMESTAMPTZ(3),
    "signed_by_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "hypercare_criterion_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "incident" (
    "id" TEXT NOT NULL,
    "launch_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "severity" INTEGER NOT NULL,
    "highest_severity" INTEGER NOT NULL,
    "state" "IncidentState" NOT NULL DEFAULT 'INVESTIGATING',
    "release_related" BOOLEAN NOT NULL DEFAULT true,
    "rollback_trigger" BOOLEAN NOT NULL DEFAULT false,
    "owner_id" TEXT,
    "opened_by_id" TEXT,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "incident_pkey" PRIMARY KEY ("id"),
    -- Severity 1 (worst) to 4: the schemas bound it, the database guarantees it.
    CONSTRAINT "incident_severity_check" CHECK ("severity" BETWEEN 1 AND 4 AND "highest_severity" BETWEEN 1 AND 4)
);

CREATE TABLE "incident_note" (
    "id" TEXT NOT NULL,
    "incident_id" TEXT NOT NULL,
    "author_id" TEXT,
    "body" TEXT NOT NULL DEFAULT '',
    "from_state" "IncidentState",
    "to_state" "IncidentState",
    "severity" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "incident_note_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "hypercare_criterion_launch_id_position_idx" ON "hypercare_criterion"("launch_id", "position");
CREATE UNIQUE INDEX "incident_launch_id_number_key" ON "incident"("launch_id", "number");
CREATE INDEX "incident_note_incident_id_created_at_idx" ON "incident_note"("incident_id", "created_at");

ALTER TABLE "hypercare" ADD CONSTRAINT "hypercare_launch_id_fkey" FOREIGN KEY ("launch_id") REFERENCES "launch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "hypercare" ADD CONSTRAINT "hypercare_closed_by_id_fkey" FOREIGN KEY ("closed_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "hypercare_criterion" ADD CONSTRAINT "hypercare_criterion_launch_id_fkey" FOREIGN KEY ("launch_id") REFERENCES "launch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "hypercare_criterion" ADD CONSTRAINT "hypercare_criterion_value_recorded_by_id_fkey" FOREIGN KEY ("value_recorded_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "hypercare_criterion" ADD CONSTRAINT "hypercare_criterion_signed_by_id_fkey" FOREIGN KEY ("signed_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "incident" ADD CONSTRAINT "incident_launch_id_fkey" FOREIGN KEY ("launch_id") REFERENCES "launch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "incident" ADD CONSTRAINT "incident_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "incident" ADD CONSTRAINT "incident_opened_by_id_fkey" FOREIGN KEY ("opened_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "incident_note" ADD CONSTRAINT "incident_note_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "incident_note" ADD CONSTRAINT "incident_note_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
