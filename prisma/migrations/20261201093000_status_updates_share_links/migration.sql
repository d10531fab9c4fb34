-- Status updates for people outside the team, and named read-only share links (token stored hashed).
CREATE TYPE "UpdateImpact" AS ENUM ('NONE', 'MINOR', 'MAJOR', 'CRITICAL');
CREATE TYPE "UpdateState" AS ENUM ('SCHEDULED', 'IN_PROGRESS', 'INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED', 'COMPLETED');

CREATE TABLE "status_update" (
    "id" TEXT NOT NULL,
    "launch_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "impact" "UpdateImpact" NOT NULL DEFAULT 'NONE',
    "state" "UpdateState" NOT NULL,
    "components" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "author_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "status_update_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "share_link" (
    "id" TEXT NOT NULL,
    "launch_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "show_names" BOOLEAN NOT NULL DEFAULT false,
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "share_link_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "status_update_launch_id_created_at_idx" ON "status_update"("launch_id", "created_at");
CREATE UNIQUE INDEX "share_link_token_hash_key" ON "share_link"("token_hash");
CREATE INDEX "share_link_launch_id_idx" ON "share_link"("launch_id");

ALTER TABLE "status_update" ADD CONSTRAINT "status_update_launch_id_fkey" FOREIGN KEY ("launch_id") REFERENCES "launch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "status_update" ADD CONSTRAINT "status_update_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "share_link" ADD CONSTRAINT "share_link_launch_id_fkey" FOREIGN KEY ("launch_id") REFERENCES "launch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "share_link" ADD CONSTRAINT "share_link_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
