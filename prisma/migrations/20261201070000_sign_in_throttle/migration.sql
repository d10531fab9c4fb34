-- Per-account sign-in backoff (lib/auth/throttle.ts): failures counted per email address, whatever the
-- client's address, with an exponential lock window. Keyed by the sha256 of the lower-cased address.
CREATE TABLE "sign_in_throttle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("key")
);
