-- The national outcome indicators (issue 8): the figures every authority's scorecard can hold.
-- Aggregate counts only. National admins may add more; authorities add their own (custom) ones.
INSERT INTO outcome_indicator (key, name, description, unit, period_type, direction, sort_order) VALUES
  ('cp-plans', 'Children on a child protection plan', 'The number of children on a child protection plan on the date.', 'count', 'snapshot', 'lower', 10),
  ('cp-plans-12-and-under', 'Children on a child protection plan aged 12 and under', 'Of the children on a child protection plan on the date, those aged 12 and under.', 'count', 'snapshot', 'lower', 20),
  ('cp-plan-starts', 'Children starting a child protection plan', 'Children who started a child protection plan in the period.', 'count', 'flow', 'lower', 30),
  ('entering-care', 'Children entering care', 'Children who became looked after in the period.', 'count', 'flow', 'lower', 40),
  ('entering-care-12-and-under', 'Children entering care aged 12 and under', 'Of the children entering care in the period, those aged 12 and under.', 'count', 'flow', 'lower', 50),
  ('looked-after', 'Children looked after', 'The number of children looked after on the date.', 'count', 'snapshot', 'lower', 60),
  ('re-referrals', 'Re-referrals within 12 months', 'Referrals in the period that came within 12 months of a previous referral, as a percentage of all referrals.', 'percent', 'flow', 'lower', 70),
  ('repeat-da-callouts', 'Repeat domestic abuse police call-outs', 'Police call-outs for domestic abuse in the period to a household with a previous call-out.', 'count', 'flow', 'lower', 80),
  ('children-in-need', 'Children in need', 'The number of children in need on the date. Families stepped down from a child protection plan move here, so read it with the plans.', 'count', 'snapshot', 'lower', 90);
--> statement-breakpoint
UPDATE outcome_indicator c SET parent_id = p.id
  FROM outcome_indicator p
  WHERE (c.key, p.key) IN (('cp-plans-12-and-under', 'cp-plans'), ('entering-care-12-and-under', 'entering-care'));
