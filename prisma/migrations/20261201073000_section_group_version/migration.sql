-- Optimistic concurrency for section renames and sign-off group edits, like items and windows have.
ALTER TABLE "checklist_section" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "signoff_group" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
