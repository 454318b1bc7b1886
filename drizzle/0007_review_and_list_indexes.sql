DROP INDEX `placements_created_idx`;--> statement-breakpoint
DROP INDEX `placements_category_idx`;--> statement-breakpoint
CREATE INDEX `placements_panti_created_idx` ON `placements` (`target_panti_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `placements_created_idx` ON `placements` (`created_at`);--> statement-breakpoint
CREATE INDEX `placements_category_idx` ON `placements` (`ppks_category`,`found_at`,`target_panti_id`);--> statement-breakpoint
DROP INDEX `stays_admitted_idx`;--> statement-breakpoint
DROP INDEX `stays_exited_idx`;--> statement-breakpoint
DROP INDEX `stays_outcome_idx`;--> statement-breakpoint
CREATE INDEX `stays_reentry_idx` ON `stays` (`reentry`,`admitted_at`);--> statement-breakpoint
CREATE INDEX `stays_admitted_day_idx` ON `stays` ((("admitted_at" + 25200000) / 86400000),`panti_id`,`admitted_at`);--> statement-breakpoint
CREATE INDEX `stays_exited_day_idx` ON `stays` ((("exited_at" + 25200000) / 86400000),`panti_id`,`exited_at`);--> statement-breakpoint
CREATE INDEX `stays_length_idx` ON `stays` (`panti_id`,(("exited_at" - "admitted_at") / 86400000),`exited_at`,`admitted_at`);--> statement-breakpoint
CREATE INDEX `stays_admitted_idx` ON `stays` (`admitted_at`,`id`,`panti_id`,`reentry`);--> statement-breakpoint
CREATE INDEX `stays_exited_idx` ON `stays` (`exited_at`,`id`,`panti_id`,`admitted_at`,`exit_outcome`);--> statement-breakpoint
CREATE INDEX `stays_outcome_idx` ON `stays` (`exit_outcome`,`exited_at`,`id`,`panti_id`);--> statement-breakpoint
CREATE INDEX `follow_ups_open_due_idx` ON `follow_ups` (`done_at`,`due_date`);