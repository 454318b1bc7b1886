DROP INDEX `placements_category_idx`;--> statement-breakpoint
CREATE INDEX `placements_category_idx` ON `placements` (`ppks_category`,`found_at`,`target_panti_id`);--> statement-breakpoint
DROP INDEX `stays_outcome_idx`;--> statement-breakpoint
CREATE INDEX `stays_admitted_day_idx` ON `stays` ((("admitted_at" + 25200000) / 86400000),`panti_id`,`admitted_at`);--> statement-breakpoint
CREATE INDEX `stays_exited_day_idx` ON `stays` ((("exited_at" + 25200000) / 86400000),`panti_id`,`exited_at`);--> statement-breakpoint
CREATE INDEX `stays_length_idx` ON `stays` (`panti_id`,(("exited_at" - "admitted_at") / 86400000),`exited_at`,`admitted_at`);--> statement-breakpoint
CREATE INDEX `stays_outcome_idx` ON `stays` (`exit_outcome`,`exited_at`,`panti_id`);