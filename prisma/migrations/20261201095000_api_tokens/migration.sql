-- Personal API tokens (stored as sha256), their launches, per-request usage and idempotency keys.
CREATE TABLE "api_token" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "api_token_launch" (
    "token_id" TEXT NOT NULL,
    "launch_id" TEXT NOT NULL,
    CONSTRAINT "api_token_launch_pkey" PRIMARY KEY ("token_id","launch_id")
);

CREATE TABLE "api_token_usage" (
    "token_id" TEXT NOT NULL,
    "last_used_at" TIMESTAMPTZ(3) NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,
    CONSTRAINT "api_token_usage_pkey" PRIMARY KEY ("token_id")
);

CREATE TABLE "api_idempotency" (
    "token_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "status" INTEGER,
    "body" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "api_idempotency_pkey" PRIMARY KEY ("token_id","key")
);

CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");
CREATE INDEX "api_token_user_id_idx" ON "api_token"("user_id");
CREATE INDEX "api_token_launch_launch_id_idx" ON "api_token_launch"("launch_id");
CREATE INDEX "api_idempotency_created_at_idx" ON "api_idempotency"("created_at");

ALTER TABLE "api_token" ADD CONSTRAINT "api_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "api_token_launch" ADD CONSTRAINT "api_token_launch_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_token"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "api_token_launch" ADD CONSTRAINT "api_token_launch_launch_id_fkey" FOREIGN KEY ("launch_id") REFERENCES "launch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "api_token_usage" ADD CONSTRAINT "api_token_usage_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_token"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "api_idempotency" ADD CONSTRAINT "api_idempotency_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_token"("id") ON DELETE CASCADE ON UPDATE CASCADE;
