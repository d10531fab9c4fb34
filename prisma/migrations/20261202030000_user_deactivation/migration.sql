-- Instance administration (issue 14): a deactivated account keeps its rows but can no longer sign in.
ALTER TABLE "user" ADD COLUMN "deactivated_at" TIMESTAMPTZ(3);
