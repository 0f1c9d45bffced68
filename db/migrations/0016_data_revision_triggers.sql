-- Raise data_revision for every authority whose rows a statement changed (programme-wide rows,
-- with no authority, raise the 'programme' key). Statement triggers with transition tables: one
-- bump per statement and authority, so a 10,000-row import costs one upsert, not 10,000.
-- Keys are taken in order so that two statements touching the same authorities cannot deadlock.
CREATE FUNCTION bump_data_revision_new_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_revision AS r (key, revision)
    SELECT k, 1 FROM (SELECT DISTINCT coalesce(authority_id::text, 'programme') AS k FROM new_rows) s ORDER BY k
  ON CONFLICT (key) DO UPDATE SET revision = r.revision + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION bump_data_revision_old_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_revision AS r (key, revision)
    SELECT k, 1 FROM (SELECT DISTINCT coalesce(authority_id::text, 'programme') AS k FROM old_rows) s ORDER BY k
  ON CONFLICT (key) DO UPDATE SET revision = r.revision + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The authority row itself (go-live dates, thresholds): keyed by its id.
CREATE FUNCTION bump_data_revision_authority_new_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_revision AS r (key, revision)
    SELECT k, 1 FROM (SELECT DISTINCT id::text AS k FROM new_rows) s ORDER BY k
  ON CONFLICT (key) DO UPDATE SET revision = r.revision + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION bump_data_revision_authority_old_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_revision AS r (key, revision)
    SELECT k, 1 FROM (SELECT DISTINCT id::text AS k FROM old_rows) s ORDER BY k
  ON CONFLICT (key) DO UPDATE SET revision = r.revision + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Programme-wide settings (the national go-live thresholds).
CREATE FUNCTION bump_data_revision_programme() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_revision AS r (key, revision) VALUES ('programme', 1)
  ON CONFLICT (key) DO UPDATE SET revision = r.revision + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  -- Every table with an authority_id column but the audit trail (it changes with every write,
  -- and nothing computed from it is memoised). A test checks that later tables get them too.
  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
      JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
     WHERE c.table_schema = 'public' AND c.column_name = 'authority_id' AND tb.table_type = 'BASE TABLE' AND c.table_name <> 'audit_event'
  LOOP
    EXECUTE format('CREATE TRIGGER data_revision_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision_new_rows()', t);
    EXECUTE format('CREATE TRIGGER data_revision_update AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision_new_rows()', t);
    EXECUTE format('CREATE TRIGGER data_revision_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision_old_rows()', t);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE TRIGGER data_revision_insert AFTER INSERT ON authority REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision_authority_new_rows();
--> statement-breakpoint
CREATE TRIGGER data_revision_update AFTER UPDATE ON authority REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision_authority_new_rows();
--> statement-breakpoint
CREATE TRIGGER data_revision_delete AFTER DELETE ON authority REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision_authority_old_rows();
--> statement-breakpoint
CREATE TRIGGER data_revision_programme AFTER INSERT OR UPDATE OR DELETE ON programme_setting FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision_programme();
