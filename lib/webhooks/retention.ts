/** Finished deliveries (delivered, failed after every retry, cancelled) are kept this long (lib/jobs/prune.ts). */
export const WEBHOOK_LOG_DAYS = 30;
