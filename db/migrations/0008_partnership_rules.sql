-- Evidence rules of the partnership charter (issue 5), enforced by the database whoever connects.

-- 1. Signatures, withdrawals and the reminder log are append-only: refuse UPDATE, DELETE, TRUNCATE.
CREATE OR REPLACE FUNCTION charter_evidence_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER charter_signature_append_only
  BEFORE UPDATE OR DELETE ON charter_signature
  FOR EACH ROW EXECUTE FUNCTION charter_evidence_refuse_change();
--> statement-breakpoint
CREATE TRIGGER charter_signature_no_truncate
  BEFORE TRUNCATE ON charter_signature
  FOR EACH STATEMENT EXECUTE FUNCTION charter_evidence_refuse_change();
--> statement-breakpoint
CREATE TRIGGER charter_withdrawal_append_only
  BEFORE UPDATE OR DELETE ON charter_withdrawal
  FOR EACH ROW EXECUTE FUNCTION charter_evidence_refuse_change();
--> statement-breakpoint
CREATE TRIGGER charter_withdrawal_no_truncate
  BEFORE TRUNCATE ON charter_withdrawal
  FOR EACH STATEMENT EXECUTE FUNCTION charter_evidence_refuse_change();
--> statement-breakpoint
CREATE TRIGGER charter_reminder_append_only
  BEFORE UPDATE OR DELETE ON charter_reminder
  FOR EACH ROW EXECUTE FUNCTION charter_evidence_refuse_change();
--> statement-breakpoint
CREATE TRIGGER charter_reminder_no_truncate
  BEFORE TRUNCATE ON charter_reminder
  FOR EACH STATEMENT EXECUTE FUNCTION charter_evidence_refuse_change();
--> statement-breakpoint

-- 2. A published charter version never changes: no UPDATE or DELETE once published_at is set
--    (drafts stay editable and can be discarded); TRUNCATE is refused outright.
CREATE OR REPLACE FUNCTION charter_version_refuse_published_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' OR OLD.published_at IS NOT NULL THEN
    RAISE EXCEPTION 'charter_version is published and cannot change (% refused)', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER charter_version_published_immutable
  BEFORE UPDATE OR DELETE ON charter_version
  FOR EACH ROW EXECUTE FUNCTION charter_version_refuse_published_change();
--> statement-breakpoint
CREATE TRIGGER charter_version_no_truncate
  BEFORE TRUNCATE ON charter_version
  FOR EACH STATEMENT EXECUTE FUNCTION charter_version_refuse_published_change();
--> statement-breakpoint

-- 3. A signature is for a published version of its own authority, by a board member of that
--    authority for that member's organisation, and carries the hash of that version's text.
CREATE OR REPLACE FUNCTION charter_signature_check_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM charter_version v
    WHERE v.id = NEW.charter_version_id AND v.authority_id = NEW.authority_id
      AND v.published_at IS NOT NULL AND v.text_hash = NEW.text_hash
  ) THEN
    RAISE EXCEPTION 'a signature must carry the hash of a published version of its authority'
      USING ERRCODE = 'check_violation';
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM board_member m
    WHERE m.id = NEW.board_member_id AND m.authority_id = NEW.authority_id AND m.organisation_id = NEW.organisation_id
  ) THEN
    RAISE EXCEPTION 'a signature must be by a board member of its authority, for that member''s organisation'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER charter_signature_checked
  BEFORE INSERT ON charter_signature
  FOR EACH ROW EXECUTE FUNCTION charter_signature_check_insert();
--> statement-breakpoint

-- 4. A withdrawal withdraws a signature of the same authority, version and organisation.
CREATE OR REPLACE FUNCTION charter_withdrawal_check_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM charter_signature s
    WHERE s.id = NEW.signature_id AND s.authority_id = NEW.authority_id
      AND s.charter_version_id = NEW.charter_version_id AND s.organisation_id = NEW.organisation_id
  ) THEN
    RAISE EXCEPTION 'a withdrawal must match its signature''s authority, version and organisation'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER charter_withdrawal_checked
  BEFORE INSERT ON charter_withdrawal
  FOR EACH ROW EXECUTE FUNCTION charter_withdrawal_check_insert();
