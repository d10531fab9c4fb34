-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "btree_gist";

-- CreateEnum
CREATE TYPE "LaunchStatus" AS ENUM ('PLANNING', 'READY', 'GO', 'IN_WINDOW', 'LIVE', 'HYPERCARE', 'CLOSED', 'NO_GO', 'ROLLED_BACK', 'CANCELLED');
CREATE TYPE "MemberRole" AS ENUM ('MANAGER', 'ENGINEER', 'APPROVER', 'VIEWER');
CREATE TYPE "ItemStatus" AS ENUM ('TODO', 'IN_PROGRESS', 'DONE', 'BLOCKED', 'NOT_APPLICABLE');
CREATE TYPE "SignoffRule" AS ENUM ('ANY', 'ALL', 'N_OF_M');
CREATE TYPE "DecisionKind" AS ENUM ('APPROVE', 'REJECT');
CREATE TYPE "GoOutcome" AS ENUM ('GO', 'NO_GO');
CREATE TYPE "WindowStatus" AS ENUM ('PROPOSED', 'SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'ROLLED_BACK', 'CANCELLED');
CREATE TYPE "FreezeKind" AS ENUM ('ONE_OFF', 'WEEKLY');

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "is_admin" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "account" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "access_token" TEXT,
    "refresh_token" TEXT,
    "id_token" TEXT,
    "access_token_expires_at" TIMESTAMPTZ(3),
    "refresh_token_expires_at" TIMESTAMPTZ(3),
    "scope" TEXT,
    "password" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "rate_limit" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "last_request" BIGINT NOT NULL,
    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "launch" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "time_zone" TEXT NOT NULL,
    "status" "LaunchStatus" NOT NULL DEFAULT 'PLANNING',
    "engineers_edit_all" BOOLEAN NOT NULL DEFAULT false,
    "at_risk_hours" INTEGER NOT NULL DEFAULT 48,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "launch_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "member" (
    "id" TEXT NOT NULL,
    "launch_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "member_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "event" (
    "id" BIGSERIAL NOT NULL,
    "launch_id" TEXT,
    "actor_id" TEXT,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "event_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "checklist_section" (
    "id" TEXT NOT NULL,
    "launch_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "checklist_section_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "checklist_item" (
    "id" TEXT NOT NULL,
    "launch_id" TEXT NOT NULL,
    "section_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "owner_id" TEXT,
    "due_at" TIMESTAMPTZ(3),
    "due_offset_minutes" INTEGER,
    "required" BOOLEAN NOT NULL DEFAULT true,
    "requires_evidence" BOOLEAN NOT NULL DEFAULT false,
    "status" "ItemStatus" NOT NULL DEFAULT 'TODO',
    "status_reason" TEXT,
    "evidence_note" TEXT NOT NULL DEFAULT '',
    "evidence_links" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" TEXT,
    "completed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "checklist_item_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "item_dependency" (
    "item_id" TEXT NOT NULL,
    "predecessor_id" TEXT NOT NULL,
    CONSTRAINT "item_dependency_pkey" PRIMARY KEY ("item_id","predecessor_id")
);

CREATE TABLE "item_comment" (
    "id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "item_comment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "template" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "built_in" BOOLEAN NOT NULL DEFAULT false,
    "content" JSONB NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "template_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "signoff_group" (
    "id" TEXT NOT NULL,
    "launch_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rule" "SignoffRule" NOT NULL DEFAULT 'ANY',
    "required_count" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "signoff_group_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "signoff_approver" (
    "group_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "signoff_approver_pkey" PRIMARY KEY ("group_id","user_id")
);

CREATE TABLE "signoff_decision" (
    "id" TEXT NOT NULL,
    "launch_id" TEXT NOT NULL,
    "group_id" TEXT NOT NULL,
    "approver_id" TEXT NOT NULL,
    "decision" "DecisionKind" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "evidence_links" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "snapshot" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stale_at" TIMESTAMPTZ(3),
    "stale_reason" TEXT,
    "withdrawn_at" TIMESTAMPTZ(3),
    CONSTRAINT "signoff_decision_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "go_decision" (
    "id" TEXT NOT NULL,
    "launch_id" TEXT NOT NULL,
    "outcome" "GoOutcome" NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "override_reason" TEXT,
    "next_step" TEXT,
    "snapshot" JSONB NOT NULL,
    "decided_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "go_decision_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "environment" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "environment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "deployment_window" (
    "id" TEXT NOT NULL,
    "launch_id" TEXT NOT NULL,
    "environment_id" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "time_zone" TEXT NOT NULL,
    "checkpoint_at" TIMESTAMPTZ(3),
    "point_of_no_return_at" TIMESTAMPTZ(3),
    "notes" TEXT NOT NULL DEFAULT '',
    "status" "WindowStatus" NOT NULL DEFAULT 'PROPOSED',
    "actual_start_at" TIMESTAMPTZ(3),
    "actual_end_at" TIMESTAMPTZ(3),
    "freeze_override_reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "deployment_window_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "freeze" (
    "id" TEXT NOT NULL,
    "environment_id" TEXT,
    "kind" "FreezeKind" NOT NULL,
    "reason" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3),
    "ends_at" TIMESTAMPTZ(3),
    "weekdays" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "start_time" TEXT,
    "end_time" TEXT,
    "time_zone" TEXT NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "freeze_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "calendar_feed" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "calendar_feed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");
CREATE INDEX "session_user_id_idx" ON "session"("user_id");
CREATE INDEX "account_user_id_idx" ON "account"("user_id");
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");
CREATE UNIQUE INDEX "rate_limit_key_key" ON "rate_limit"("key");
CREATE INDEX "member_user_id_idx" ON "member"("user_id");
CREATE UNIQUE INDEX "member_launch_id_user_id_key" ON "member"("launch_id", "user_id");
CREATE INDEX "event_launch_id_id_idx" ON "event"("launch_id", "id");
CREATE INDEX "checklist_section_launch_id_position_idx" ON "checklist_section"("launch_id", "position");
CREATE INDEX "checklist_item_launch_id_section_id_position_idx" ON "checklist_item"("launch_id", "section_id", "position");
CREATE INDEX "item_dependency_predecessor_id_idx" ON "item_dependency"("predecessor_id");
CREATE INDEX "item_comment_item_id_created_at_idx" ON "item_comment"("item_id", "created_at");
CREATE UNIQUE INDEX "signoff_group_launch_id_name_key" ON "signoff_group"("launch_id", "name");
CREATE INDEX "signoff_decision_launch_id_idx" ON "signoff_decision"("launch_id");
CREATE INDEX "signoff_decision_group_id_approver_id_idx" ON "signoff_decision"("group_id", "approver_id");
CREATE INDEX "go_decision_launch_id_created_at_idx" ON "go_decision"("launch_id", "created_at");
CREATE UNIQUE INDEX "environment_name_key" ON "environment"("name");
CREATE INDEX "deployment_window_launch_id_idx" ON "deployment_window"("launch_id");
CREATE INDEX "deployment_window_environment_id_starts_at_idx" ON "deployment_window"("environment_id", "starts_at");
CREATE UNIQUE INDEX "calendar_feed_token_hash_key" ON "calendar_feed"("token_hash");
CREATE INDEX "calendar_feed_user_id_idx" ON "calendar_feed"("user_id");

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "member" ADD CONSTRAINT "member_launch_id_fkey" FOREIGN KEY ("launch_id") REFERENCES "launch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "member" ADD CONSTRAINT "member_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "event" ADD CONSTRAINT "event_launch_id_fkey" FOREIGN KEY ("launch_id") REFERENCES "launch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "checklist_section" ADD CONSTRAINT "checklist_section_launch_id_fkey" FOREIGN KEY ("launch_id") REFERENCES "launch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "checklist_item" ADD CONSTRAINT "checklist_item_launch_id_fkey" FOREIGN KEY ("launch_id") REFERENCES "launch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "checklist_item" ADD CONSTRAINT "checklist_item_section_id_fkey" FOREIGN KEY ("section_id") REFERENCES "checklist_section"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "checklist_item" ADD CONSTRAINT "checklist_item_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "item_dependency" ADD CONSTRAINT "item_dependency_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "checklist_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "item_dependency" ADD CONSTRAINT "item_dependency_predecessor_id_fkey" FOREIGN KEY ("predecessor_id") REFERENCES "checklist_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "item_comment" ADD CONSTRAINT "item_comment_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "checklist_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "item_comment" ADD CONSTRAINT "item_comment_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "signoff_group" ADD CONSTRAINT "signoff_group_launch_id_fkey" FOREIGN KEY ("launch_id") REFERENCES "launch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "signoff_approver" ADD CONSTRAINT "signoff_approver_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "signoff_group"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "signoff_approver" ADD CONSTRAINT "signoff_approver_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "signoff_decision" ADD CONSTRAINT "signoff_decision_launch_id_fkey" FOREIGN KEY ("launch_id") REFERENCES "launch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "signoff_decision" ADD CONSTRAINT "signoff_decision_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "signoff_group"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "signoff_decision" ADD CONSTRAINT "signoff_decision_approver_id_fkey" FOREIGN KEY ("approver_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "go_decision" ADD CONSTRAINT "go_decision_launch_id_fkey" FOREIGN KEY ("launch_id") REFERENCES "launch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "go_decision" ADD CONSTRAINT "go_decision_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "deployment_window" ADD CONSTRAINT "deployment_window_launch_id_fkey" FOREIGN KEY ("launch_id") REFERENCES "launch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "deployment_window" ADD CONSTRAINT "deployment_window_environment_id_fkey" FOREIGN KEY ("environment_id") REFERENCES "environment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "freeze" ADD CONSTRAINT "freeze_environment_id_fkey" FOREIGN KEY ("environment_id") REFERENCES "environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: invariants Prisma's schema language cannot express.

-- The event table is append-only: the audit trail must not be rewritten.
CREATE FUNCTION "event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "event_no_update_delete" BEFORE UPDATE OR DELETE ON "event"
  FOR EACH ROW EXECUTE FUNCTION "event_append_only"();
CREATE TRIGGER "event_no_truncate" BEFORE TRUNCATE ON "event"
  FOR EACH STATEMENT EXECUTE FUNCTION "event_append_only"();

-- No two scheduled or running windows overlap on one environment, whatever the concurrency.
ALTER TABLE "deployment_window" ADD CONSTRAINT "window_ends_after_start" CHECK ("ends_at" > "starts_at");
ALTER TABLE "deployment_window" ADD CONSTRAINT "window_no_overlap" EXCLUDE USING gist (
  "environment_id" WITH =,
  tstzrange("starts_at", "ends_at", '[)') WITH &&
) WHERE ("status" IN ('SCHEDULED', 'IN_PROGRESS'));

-- One live decision per approver and group: signing twice is idempotent.
CREATE UNIQUE INDEX "signoff_decision_live_key" ON "signoff_decision"("group_id", "approver_id")
  WHERE "withdrawn_at" IS NULL AND "stale_at" IS NULL;

ALTER TABLE "checklist_item" ADD CONSTRAINT "item_status_reason" CHECK (
  "status" NOT IN ('BLOCKED', 'NOT_APPLICABLE') OR length(btrim(coalesce("status_reason", ''))) > 0
);
ALTER TABLE "item_dependency" ADD CONSTRAINT "item_dependency_not_self" CHECK ("item_id" <> "predecessor_id");
