DROP INDEX `stays_admitted_idx`;--> statement-breakpoint
DROP INDEX `stays_exited_idx`;--> statement-breakpoint
DROP INDEX `stays_outcome_idx`;--> statement-breakpoint
CREATE INDEX `stays_admitted_idx` ON `stays` (`admitted_at`,`id`,`panti_id`,`reentry`);--> statement-breakpoint
CREATE INDEX `stays_exited_idx` ON `stays` (`exited_at`,`id`,`panti_id`,`admitted_at`,`exit_outcome`);--> statement-breakpoint
CREATE INDEX `stays_outcome_idx` ON `stays` (`exit_outcome`,`exited_at`,`id`,`panti_id`);--> statement-breakpoint
CREATE INDEX `follow_ups_open_due_idx` ON `follow_ups` (`done_at`,`due_date`);--> statement-breakpoint
CREATE INDEX `placements_panti_created_idx` ON `placements` (`target_panti_id`,`created_at`);