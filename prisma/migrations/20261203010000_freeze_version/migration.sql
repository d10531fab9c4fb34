-- Instance administration (issue 14): freezes and environments are edited with optimistic concurrency;
-- an edit made on a stale version is refused with CONFLICT.
ALTER TABLE "freeze" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "environment" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
