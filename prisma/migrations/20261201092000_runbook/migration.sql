-- The cutover runbook (issue 12): streams of timed tasks with FS/SS dependencies, LIVE and rehearsal runs
-- with per-task executions, idempotent client operations and recorded rollback decisions.
CREATE TYPE "RunbookTaskType" AS ENUM ('NORMAL', 'MILESTONE', 'VALIDATION', 'COMMUNICATION', 'DECISION');
CREATE TYPE "RunbookTaskStatus" AS ENUM ('NOT_STARTED', 'RUNNING', 'DONE', 'SKIPPED', 'FAILED');
CREATE TYPE "RunbookDependencyType" AS ENUM ('FS', 'SS');
CREATE TYPE "RunbookRunKind" AS ENUM ('LIVE', 'REHEARSAL');
CREATE TYPE "RollbackDecisionKind" AS ENUM ('CONTINUE', 'ROLL_BACK', 'FIX_FORWARD', 'HOLD');

ALTER TABLE "launch" ADD COLUMN "runbook_required" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "runbook" (
    "id" TEXT NOT NULL,
    "launch_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "message" TEXT NOT NULL DEFAULT '',
    "paused_at" TIMESTAMPTZ(3),
    "rollback_min" INTEGER NOT NULL DEFAULT 0,
    "buffer_min" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "runbook_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "runbook_minutes" CHECK ("rollback_min" BETWEEN 0 AND 10080 AND "buffer_min" BETWEEN 0 AND 10080)
);
CREATE UNIQUE INDEX "runbook_launch_id_key" ON "runbook"("launch_id");
ALTER TABLE "runbook" ADD CONSTRAINT "runbook_launch_id_fkey" FOREIGN KEY ("launch_id") REFERENCES "launch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "runbook_stream" (
    "id" TEXT NOT NULL,
    "runbook_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "runbook_stream_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "runbook_stream_runbook_id_name_key" ON "runbook_stream"("runbook_id", "name");
ALTER TABLE "runbook_stream" ADD CONSTRAINT "runbook_stream_runbook_id_fkey" FOREIGN KEY ("runbook_id") REFERENCES "runbook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "runbook_task" (
    "id" TEXT NOT NULL,
    "runbook_id" TEXT NOT NULL,
    "stream_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "title" TEXT NOT NULL,
    "type" "RunbookTaskType" NOT NULL DEFAULT 'NORMAL',
    "duration_min" INTEGER NOT NULL,
    "fixed_start" TIMESTAMPTZ(3),
    "critical" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT NOT NULL DEFAULT '',
    "links" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "runbook_task_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "runbook_task_duration" CHECK ("duration_min" BETWEEN 0 AND 10080)
);
CREATE INDEX "runbook_task_runbook_id_idx" ON "runbook_task"("runbook_id");
CREATE INDEX "runbook_task_stream_id_idx" ON "runbook_task"("stream_id");
ALTER TABLE "runbook_task" ADD CONSTRAINT "runbook_task_runbook_id_fkey" FOREIGN KEY ("runbook_id") REFERENCES "runbook"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "runbook_task" ADD CONSTRAINT "runbook_task_stream_id_fkey" FOREIGN KEY ("stream_id") REFERENCES "runbook_stream"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "runbook_assignee" (
    "task_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,

    CONSTRAINT "runbook_assignee_pkey" PRIMARY KEY ("task_id", "user_id")
);
CREATE INDEX "runbook_assignee_user_id_idx" ON "runbook_assignee"("user_id");
ALTER TABLE "runbook_assignee" ADD CONSTRAINT "runbook_assignee_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "runbook_task"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "runbook_assignee" ADD CONSTRAINT "runbook_assignee_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "runbook_dependency" (
    "id" TEXT NOT NULL,
    "runbook_id" TEXT NOT NULL,
    "from_id" TEXT NOT NULL,
    "to_id" TEXT NOT NULL,
    "type" "RunbookDependencyType" NOT NULL DEFAULT 'FS',
    "lag_min" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "runbook_dependency_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "runbook_dependency_not_self" CHECK ("from_id" <> "to_id"),
    CONSTRAINT "runbook_dependency_lag" CHECK ("lag_min" BETWEEN -10080 AND 10080)
);
CREATE UNIQUE INDEX "runbook_dependency_from_id_to_id_key" ON "runbook_dependency"("from_id", "to_id");
CREATE INDEX "runbook_dependency_runbook_id_idx" ON "runbook_dependency"("runbook_id");
CREATE INDEX "runbook_dependency_to_id_idx" ON "runbook_dependency"("to_id");
ALTER TABLE "runbook_dependency" ADD CONSTRAINT "runbook_dependency_runbook_id_fkey" FOREIGN KEY ("runbook_id") REFERENCES "runbook"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "runbook_dependency" ADD CONSTRAINT "runbook_dependency_from_id_fkey" FOREIGN KEY ("from_id") REFERENCES "runbook_task"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "runbook_dependency" ADD CONSTRAINT "runbook_dependency_to_id_fkey" FOREIGN KEY ("to_id") REFERENCES "runbook_task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "runbook_run" (
    "id" TEXT NOT NULL,
    "runbook_id" TEXT NOT NULL,
    "kind" "RunbookRunKind" NOT NULL,
    "revision" INTEGER NOT NULL,
    "start_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "planned_min" JSONB NOT NULL DEFAULT '{}',
    "rollback_measured_min" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "runbook_run_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "runbook_run_runbook_id_created_at_idx" ON "runbook_run"("runbook_id", "created_at");
-- One LIVE run per runbook; at most one open rehearsal.
CREATE UNIQUE INDEX "runbook_run_one_live" ON "runbook_run"("runbook_id") WHERE "kind" = 'LIVE';
CREATE UNIQUE INDEX "runbook_run_one_open_rehearsal" ON "runbook_run"("runbook_id") WHERE "kind" = 'REHEARSAL' AND "ended_at" IS NULL;
ALTER TABLE "runbook_run" ADD CONSTRAINT "runbook_run_runbook_id_fkey" FOREIGN KEY ("runbook_id") REFERENCES "runbook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "runbook_execution" (
    "run_id" TEXT NOT NULL,
    "task_id" TEXT NOT NULL,
    "status" "RunbookTaskStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "actual_start" TIMESTAMPTZ(3),
    "actual_end" TIMESTAMPTZ(3),
    "reason" TEXT,
    "started_by_id" TEXT,
    "finished_by_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "runbook_execution_pkey" PRIMARY KEY ("run_id", "task_id")
);
CREATE INDEX "runbook_execution_task_id_idx" ON "runbook_execution"("task_id");
ALTER TABLE "runbook_execution" ADD CONSTRAINT "runbook_execution_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runbook_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "runbook_execution" ADD CONSTRAINT "runbook_execution_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "runbook_task"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "runbook_execution" ADD CONSTRAINT "runbook_execution_started_by_id_fkey" FOREIGN KEY ("started_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "runbook_execution" ADD CONSTRAINT "runbook_execution_finished_by_id_fkey" FOREIGN KEY ("finished_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "runbook_operation" (
    "runbook_id" TEXT NOT NULL,
    "op_id" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "runbook_operation_pkey" PRIMARY KEY ("runbook_id", "op_id")
);
ALTER TABLE "runbook_operation" ADD CONSTRAINT "runbook_operation_runbook_id_fkey" FOREIGN KEY ("runbook_id") REFERENCES "runbook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "rollback_decision" (
    "id" TEXT NOT NULL,
    "launch_id" TEXT NOT NULL,
    "runbook_id" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '',
    "links" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "decision" "RollbackDecisionKind" NOT NULL,
    "decided_by_id" TEXT NOT NULL,
    "approved_by_id" TEXT,
    "forecast" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rollback_decision_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "rollback_decision_launch_id_created_at_idx" ON "rollback_decision"("launch_id", "created_at");
CREATE INDEX "rollback_decision_runbook_id_idx" ON "rollback_decision"("runbook_id");
ALTER TABLE "rollback_decision" ADD CONSTRAINT "rollback_decision_launch_id_fkey" FOREIGN KEY ("launch_id") REFERENCES "launch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "rollback_decision" ADD CONSTRAINT "rollback_decision_runbook_id_fkey" FOREIGN KEY ("runbook_id") REFERENCES "runbook"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "rollback_decision" ADD CONSTRAINT "rollback_decision_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "rollback_decision" ADD CONSTRAINT "rollback_decision_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
