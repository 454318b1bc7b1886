-- Intake per Jakarta month and outreach unit (the dashboard and the quarterly report): the month
-- expression is jakartaMonthText in db/schema.ts, written exactly the same way so that queries
-- read it from the index and group in its order. Hand-written because drizzle-kit 0.31 splits an
-- index expression at its commas.
CREATE INDEX `placements_found_month_idx` ON `placements` (strftime('%Y-%m', "found_at" / 1000, 'unixepoch', '+7 hours'), `outreach_unit`, `found_at`, `target_panti_id`);
