CREATE TABLE `approvals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`panti_id` integer NOT NULL,
	`stay_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`level` text NOT NULL,
	`reason` text,
	`version` text NOT NULL,
	`payload` text,
	`requested_by` integer NOT NULL,
	`requested_at` integer NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`decision_reason` text,
	FOREIGN KEY (`panti_id`) REFERENCES `panti`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approvals_subject_idx` ON `approvals` (`kind`,`subject_id`,`requested_at`);--> statement-breakpoint
CREATE INDEX `approvals_panti_status_idx` ON `approvals` (`panti_id`,`status`,`requested_at`);--> statement-breakpoint
CREATE INDEX `approvals_status_idx` ON `approvals` (`status`,`requested_at`);--> statement-breakpoint
CREATE INDEX `approvals_stay_idx` ON `approvals` (`stay_id`);--> statement-breakpoint
CREATE INDEX `approvals_person_idx` ON `approvals` (`person_id`);--> statement-breakpoint
CREATE INDEX `approvals_requested_by_idx` ON `approvals` (`requested_by`);--> statement-breakpoint
CREATE INDEX `approvals_decided_by_idx` ON `approvals` (`decided_by`);--> statement-breakpoint
CREATE UNIQUE INDEX `approvals_one_pending_uq` ON `approvals` (`kind`,`subject_id`) WHERE status = 'pending';