-- Row-level security: a second wall behind the application's own authority filters (ADR 0008).
-- A row of a tenant table is visible and writable only when its authority_id is the one the
-- transaction set with set_config('app.authority_id', …, true) (inTenant). app.scope names the
-- few other paths: 'national' reads every authority (read only, audited), 'system' is for the
-- named pre-tenant look-ups (sign-in memberships, links by token hash, the e-mail outbox, seeding),
-- 'maintenance' is for tests' factories and operators' scripts. Unset or empty means nothing.
CREATE OR REPLACE FUNCTION app_authority_id() RETURNS uuid
LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.authority_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_scope() RETURNS text
LANGUAGE sql STABLE AS $$ SELECT coalesce(current_setting('app.scope', true), '') $$;
--> statement-breakpoint
-- Every table whose authority_id is NOT NULL: one tenant policy, one national read policy.
DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
      JOIN information_schema.tables tb USING (table_schema, table_name)
     WHERE c.table_schema = 'public' AND c.column_name = 'authority_id' AND c.is_nullable = 'NO'
       AND tb.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant_rows ON %I
      USING (authority_id = app_authority_id() OR app_scope() IN ('system', 'maintenance'))
      WITH CHECK (authority_id = app_authority_id() OR app_scope() IN ('system', 'maintenance'))$p$, t);
    EXECUTE format($p$CREATE POLICY national_read ON %I FOR SELECT USING (app_scope() = 'national')$p$, t);
  END LOOP;
END;
$$;
--> statement-breakpoint
-- Tables where authority_id may be null: null rows belong to no tenant, so only the paths that
-- act for the whole service see them.
-- audit_event: service-wide events (sign-in, one's own account, national actions) have no
-- authority and may be appended from any path; reading them is national or system.
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_read ON audit_event FOR SELECT
  USING (authority_id = app_authority_id() OR app_scope() IN ('national', 'system', 'maintenance'));
--> statement-breakpoint
CREATE POLICY audit_append ON audit_event FOR INSERT
  WITH CHECK (authority_id IS NULL OR authority_id = app_authority_id() OR app_scope() IN ('system', 'maintenance'));
--> statement-breakpoint
-- The chain trigger must find the previous event of the chain whoever writes, so it looks in the
-- system scope for that one look-up and then puts the caller's scope back.
CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
  caller_scope text := app_scope();
BEGIN
  -- One writer per chain at a time, so two transactions never take the same predecessor.
  PERFORM pg_advisory_xact_lock(hashtext('audit_event:' || coalesce(NEW.authority_id::text, 'service')));
  PERFORM set_config('app.scope', 'system', true);
  SELECT chain_seq, hash INTO last_seq, last_hash
    FROM audit_event
   WHERE authority_id IS NOT DISTINCT FROM NEW.authority_id
   ORDER BY chain_seq DESC NULLS LAST
   LIMIT 1;
  PERFORM set_config('app.scope', caller_scope, true);
  NEW.chain_seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := last_hash;
  NEW.hash := audit_event_digest(last_hash, NEW);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
-- email_message: tenant messages per authority; service-wide ones (password reset) via system.
ALTER TABLE email_message ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE email_message FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY email_rows ON email_message
  USING (authority_id = app_authority_id() OR app_scope() IN ('system', 'maintenance'))
  WITH CHECK (authority_id = app_authority_id() OR app_scope() IN ('system', 'maintenance'));
--> statement-breakpoint
-- verification: links are made inside the tenant; found by token hash before the tenant is known
-- (system). Password-reset links have no authority.
ALTER TABLE verification ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE verification FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY verification_rows ON verification
  USING (authority_id = app_authority_id() OR app_scope() IN ('system', 'maintenance'))
  WITH CHECK (authority_id = app_authority_id() OR app_scope() IN ('system', 'maintenance'));
--> statement-breakpoint
-- outcome_indicator: national indicators (authority null) are shared reading for every tenant;
-- changing them is the national admin's, through the system path.
ALTER TABLE outcome_indicator ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE outcome_indicator FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY indicator_read ON outcome_indicator FOR SELECT
  USING (authority_id IS NULL OR authority_id = app_authority_id() OR app_scope() IN ('national', 'system', 'maintenance'));
--> statement-breakpoint
CREATE POLICY indicator_insert ON outcome_indicator FOR INSERT
  WITH CHECK (authority_id = app_authority_id() OR app_scope() IN ('system', 'maintenance'));
--> statement-breakpoint
CREATE POLICY indicator_update ON outcome_indicator FOR UPDATE
  USING (authority_id = app_authority_id() OR app_scope() IN ('system', 'maintenance'))
  WITH CHECK (authority_id = app_authority_id() OR app_scope() IN ('system', 'maintenance'));
--> statement-breakpoint
CREATE POLICY indicator_delete ON outcome_indicator FOR DELETE
  USING (authority_id = app_authority_id() OR app_scope() IN ('system', 'maintenance'));
