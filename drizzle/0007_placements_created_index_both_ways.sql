DROP INDEX `placements_created_idx`;--> statement-breakpoint
CREATE INDEX `placements_created_idx` ON `placements` (`created_at`);