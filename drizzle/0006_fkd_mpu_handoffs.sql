CREATE TABLE `handoff_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`handoff_id` integer NOT NULL,
	`at` integer NOT NULL,
	`status` text NOT NULL,
	`remote` integer DEFAULT false NOT NULL,
	`packet_id` text,
	`note` text,
	`actor_id` integer,
	FOREIGN KEY (`handoff_id`) REFERENCES `handoffs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `handoff_events_handoff_idx` ON `handoff_events` (`handoff_id`,`at`);--> statement-breakpoint
CREATE INDEX `handoff_events_actor_idx` ON `handoff_events` (`actor_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `handoff_events_packet_uq` ON `handoff_events` (`packet_id`) WHERE packet_id is not null;--> statement-breakpoint
CREATE TABLE `handoffs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`packet_id` text NOT NULL,
	`direction` text NOT NULL,
	`partner_code` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`channel` text,
	`stay_id` integer,
	`person_id` integer,
	`panti_id` integer,
	`person_name` text NOT NULL,
	`planned_date` text,
	`packet` text NOT NULL,
	`signature` text,
	`packet_hash` text,
	`accepted_as` text,
	`placement_id` integer,
	`decline_reason` text,
	`arrival_condition` text,
	`arrival_note` text,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`sent_at` integer,
	`status_changed_at` integer NOT NULL,
	FOREIGN KEY (`partner_code`) REFERENCES `partner_provinces`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`panti_id`) REFERENCES `panti`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `handoffs_direction_packet_uq` ON `handoffs` (`direction`,`packet_id`);--> statement-breakpoint
CREATE INDEX `handoffs_partner_status_idx` ON `handoffs` (`partner_code`,`status`);--> statement-breakpoint
CREATE INDEX `handoffs_status_idx` ON `handoffs` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `handoffs_panti_idx` ON `handoffs` (`panti_id`,`status`);--> statement-breakpoint
CREATE INDEX `handoffs_stay_idx` ON `handoffs` (`stay_id`);--> statement-breakpoint
CREATE INDEX `handoffs_person_idx` ON `handoffs` (`person_id`);--> statement-breakpoint
CREATE INDEX `handoffs_placement_idx` ON `handoffs` (`placement_id`);--> statement-breakpoint
CREATE INDEX `handoffs_created_by_idx` ON `handoffs` (`created_by`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`partner_code` text NOT NULL,
	`kind` text NOT NULL,
	`packet_id` text NOT NULL,
	`path` text NOT NULL,
	`body` text NOT NULL,
	`handoff_id` integer,
	`tracing_request_id` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`last_attempt_at` integer,
	`next_attempt_at` integer NOT NULL,
	`delivered_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`partner_code`) REFERENCES `partner_provinces`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handoff_id`) REFERENCES `handoffs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tracing_request_id`) REFERENCES `tracing_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_packet_uq` ON `outbox` (`packet_id`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_partner_idx` ON `outbox` (`partner_code`,`id`);--> statement-breakpoint
CREATE INDEX `outbox_handoff_idx` ON `outbox` (`handoff_id`);--> statement-breakpoint
CREATE INDEX `outbox_tracing_idx` ON `outbox` (`tracing_request_id`);--> statement-breakpoint
CREATE TABLE `tracing_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`packet_id` text NOT NULL,
	`direction` text NOT NULL,
	`partner_code` text NOT NULL,
	`stay_id` integer,
	`panti_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`packet` text NOT NULL,
	`packet_hash` text,
	`answer` text,
	`answered_at` integer,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`partner_code`) REFERENCES `partner_provinces`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`panti_id`) REFERENCES `panti`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tracing_requests_direction_packet_uq` ON `tracing_requests` (`direction`,`packet_id`);--> statement-breakpoint
CREATE INDEX `tracing_requests_status_idx` ON `tracing_requests` (`status`,`direction`);--> statement-breakpoint
CREATE INDEX `tracing_requests_partner_idx` ON `tracing_requests` (`partner_code`);--> statement-breakpoint
CREATE INDEX `tracing_requests_stay_idx` ON `tracing_requests` (`stay_id`);--> statement-breakpoint
CREATE INDEX `tracing_requests_panti_idx` ON `tracing_requests` (`panti_id`);--> statement-breakpoint
CREATE INDEX `tracing_requests_created_by_idx` ON `tracing_requests` (`created_by`);