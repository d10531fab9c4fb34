-- Membership by invitation: access goes to whoever proves the invited address, never to whichever account
-- happens to carry it. Only the sha256 of the link's token is stored.
CREATE TABLE "invitation" (
    "id" TEXT NOT NULL,
    "launch_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "invited_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL DEFAULT (now() + '14 days'::interval),
    "accepted_at" TIMESTAMPTZ(3),
    "accepted_by_id" TEXT,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "invitation_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "invitation_token_hash_key" ON "invitation"("token_hash");
CREATE INDEX "invitation_launch_id_created_at_idx" ON "invitation"("launch_id", "created_at");
CREATE INDEX "invitation_email_idx" ON "invitation"("email");

ALTER TABLE "invitation" ADD CONSTRAINT "invitation_launch_id_fkey" FOREIGN KEY ("launch_id") REFERENCES "launch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_accepted_by_id_fkey" FOREIGN KEY ("accepted_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- At most one pending invitation per launch and address: re-inviting replaces it.
CREATE UNIQUE INDEX "invitation_pending_key" ON "invitation"("launch_id", "email")
  WHERE "accepted_at" IS NULL AND "revoked_at" IS NULL;
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_email_lower" CHECK ("email" = lower("email"));
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_accepted_by" CHECK (("accepted_at" IS NULL) = ("accepted_by_id" IS NULL));
