-- The audit trail as hash chains, one per authority and one for service-wide events.
-- digest = sha256(previous hash | this row's content); verified by `npm run audit:verify`.
CREATE OR REPLACE FUNCTION audit_event_digest(prev text, e audit_event) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    coalesce(prev, ''),
    e.chain_seq::text,
    (extract(epoch FROM e.occurred_at) * 1000000)::bigint::text,
    coalesce(e.actor_user_id::text, ''),
    e.actor_label,
    coalesce(e.authority_id::text, ''),
    e.action,
    e.entity_type,
    coalesce(e.entity_id, ''),
    coalesce(e.before::text, ''),
    coalesce(e.after::text, ''),
    coalesce(e.ip, '')
  ), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  -- One writer per chain at a time, so two transactions never take the same predecessor.
  PERFORM pg_advisory_xact_lock(hashtext('audit_event:' || coalesce(NEW.authority_id::text, 'service')));
  SELECT chain_seq, hash INTO last_seq, last_hash
    FROM audit_event
   WHERE authority_id IS NOT DISTINCT FROM NEW.authority_id
   ORDER BY chain_seq DESC NULLS LAST
   LIMIT 1;
  NEW.chain_seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := last_hash;
  NEW.hash := audit_event_digest(last_hash, NEW);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
-- Chain the events recorded before this migration, in the order they were written.
ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only;
--> statement-breakpoint
DO $$
DECLARE
  r audit_event;
  prev text;
  seq bigint;
  current_chain text := NULL;
BEGIN
  FOR r IN SELECT * FROM audit_event ORDER BY coalesce(authority_id::text, ''), id LOOP
    IF current_chain IS DISTINCT FROM coalesce(r.authority_id::text, '') THEN
      current_chain := coalesce(r.authority_id::text, '');
      prev := NULL;
      seq := 0;
    END IF;
    seq := seq + 1;
    r.chain_seq := seq;
    r.prev_hash := prev;
    r.hash := audit_event_digest(prev, r);
    UPDATE audit_event SET chain_seq = r.chain_seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
    prev := r.hash;
  END LOOP;
END;
$$;
--> statement-breakpoint
ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only;
--> statement-breakpoint
CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_chain();
