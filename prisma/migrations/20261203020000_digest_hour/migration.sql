-- Per-user digest time (issue 13): the daily digest goes out at this local hour in this IANA zone.
-- NULL until the user first saves one: such users keep the instance default (07:00 UTC).
ALTER TABLE "user" ADD COLUMN "digest_hour" INTEGER;
ALTER TABLE "user" ADD COLUMN "digest_time_zone" TEXT;
ALTER TABLE "user" ADD CONSTRAINT "user_digest_hour_range" CHECK ("digest_hour" BETWEEN 0 AND 23);
