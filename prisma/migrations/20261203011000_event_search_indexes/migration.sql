-- Instance administration (issue 14): the admins' audit search reads the event table across launches by
-- actor, by type (also the list of types that occur) and by time range, newest first (keyset on id).
CREATE INDEX "event_actor_id_id_idx" ON "event"("actor_id", "id");
CREATE INDEX "event_type_id_idx" ON "event"("type", "id");
CREATE INDEX "event_at_idx" ON "event"("at");
