-- Notifications (issue 13): per-user preferences and the idempotent log of mails.
CREATE TYPE "NotificationMode" AS ENUM ('IMMEDIATE', 'DIGEST', 'OFF');
CREATE TYPE "NotificationState" AS ENUM ('QUEUED', 'PENDING', 'SENDING', 'SENT', 'SKIPPED');

CREATE TABLE "notification_preference" (
    "user_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mode" "NotificationMode" NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notification_preference_pkey" PRIMARY KEY ("user_id","kind"),
    CONSTRAINT "notification_preference_kind_check" CHECK (char_length("kind") BETWEEN 1 AND 40)
);

CREATE TABLE "notification" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "launch_id" TEXT,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "link" TEXT,
    "state" "NotificationState" NOT NULL,
    "message_id" TEXT,
    "reason" TEXT,
    "digest_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "notification_key_key" ON "notification"("key");
CREATE INDEX "notification_user_id_state_idx" ON "notification"("user_id", "state");
CREATE INDEX "notification_state_idx" ON "notification"("state");

ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
