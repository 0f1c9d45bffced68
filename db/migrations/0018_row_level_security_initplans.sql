-- The policies of migration 0017 with each setting read once per query, not once per row: a
-- scalar sub-select becomes an InitPlan, a parameter the planner can also use for an index scan
-- on authority_id. Per row, app_authority_id() and app_scope() made a national read of 750,000
-- bookings take minutes on PGlite.
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
    EXECUTE format($p$ALTER POLICY tenant_rows ON %I
      USING (authority_id = (SELECT app_authority_id()) OR (SELECT app_scope()) IN ('system', 'maintenance'))
      WITH CHECK (authority_id = (SELECT app_authority_id()) OR (SELECT app_scope()) IN ('system', 'maintenance'))$p$, t);
    EXECUTE format($p$ALTER POLICY national_read ON %I USING ((SELECT app_scope()) = 'national')$p$, t);
  END LOOP;
END;
$$;
--> statement-breakpoint
ALTER POLICY audit_read ON audit_event
  USING (authority_id = (SELECT app_authority_id()) OR (SELECT app_scope()) IN ('national', 'system', 'maintenance'));
--> statement-breakpoint
ALTER POLICY audit_append ON audit_event
  WITH CHECK (authority_id IS NULL OR authority_id = (SELECT app_authority_id()) OR (SELECT app_scope()) IN ('system', 'maintenance'));
--> statement-breakpoint
ALTER POLICY email_rows ON email_message
  USING (authority_id = (SELECT app_authority_id()) OR (SELECT app_scope()) IN ('system', 'maintenance'))
  WITH CHECK (authority_id = (SELECT app_authority_id()) OR (SELECT app_scope()) IN ('system', 'maintenance'));
--> statement-breakpoint
ALTER POLICY verification_rows ON verification
  USING (authority_id = (SELECT app_authority_id()) OR (SELECT app_scope()) IN ('system', 'maintenance'))
  WITH CHECK (authority_id = (SELECT app_authority_id()) OR (SELECT app_scope()) IN ('system', 'maintenance'));
--> statement-breakpoint
ALTER POLICY indicator_read ON outcome_indicator
  USING (authority_id IS NULL OR authority_id = (SELECT app_authority_id()) OR (SELECT app_scope()) IN ('national', 'system', 'maintenance'));
--> statement-breakpoint
ALTER POLICY indicator_insert ON outcome_indicator
  WITH CHECK (authority_id = (SELECT app_authority_id()) OR (SELECT app_scope()) IN ('system', 'maintenance'));
--> statement-breakpoint
ALTER POLICY indicator_update ON outcome_indicator
  USING (authority_id = (SELECT app_authority_id()) OR (SELECT app_scope()) IN ('system', 'maintenance'))
  WITH CHECK (authority_id = (SELECT app_authority_id()) OR (SELECT app_scope()) IN ('system', 'maintenance'));
--> statement-breakpoint
ALTER POLICY indicator_delete ON outcome_indicator
  USING (authority_id = (SELECT app_authority_id()) OR (SELECT app_scope()) IN ('system', 'maintenance'));
