CREATE TABLE `case_file_reads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`user_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`stay_id` integer,
	`panti_id` integer,
	`page` text NOT NULL,
	`restricted` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`panti_id`) REFERENCES `panti`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_file_reads_person_idx` ON `case_file_reads` (`person_id`,`at`);--> statement-breakpoint
CREATE INDEX `case_file_reads_stay_idx` ON `case_file_reads` (`stay_id`);--> statement-breakpoint
CREATE INDEX `case_file_reads_user_idx` ON `case_file_reads` (`user_id`,`at`);--> statement-breakpoint
CREATE INDEX `case_file_reads_panti_idx` ON `case_file_reads` (`panti_id`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`panti_id` integer,
	`purpose` text NOT NULL,
	`decision` text NOT NULL,
	`decided_on` text NOT NULL,
	`expires_on` text,
	`on_behalf_by` text,
	`on_behalf_reason` text,
	`recorded_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`panti_id`) REFERENCES `panti`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consents_person_idx` ON `consents` (`person_id`,`purpose`,`decided_on`);--> statement-breakpoint
CREATE INDEX `consents_panti_idx` ON `consents` (`panti_id`,`expires_on`);--> statement-breakpoint
CREATE INDEX `consents_recorded_by_idx` ON `consents` (`recorded_by`);--> statement-breakpoint
CREATE TABLE `incidents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stay_id` integer NOT NULL,
	`panti_id` integer NOT NULL,
	`type` text NOT NULL,
	`severity` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`description` text NOT NULL,
	`action_taken` text NOT NULL,
	`notified` text DEFAULT '[]' NOT NULL,
	`notified_other` text,
	`recorded_by` integer,
	`acknowledged_at` integer,
	`acknowledged_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`panti_id`) REFERENCES `panti`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acknowledged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `incidents_stay_idx` ON `incidents` (`stay_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `incidents_panti_idx` ON `incidents` (`panti_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `incidents_type_idx` ON `incidents` (`type`,`severity`);--> statement-breakpoint
CREATE INDEX `incidents_recorded_by_idx` ON `incidents` (`recorded_by`);--> statement-breakpoint
CREATE INDEX `incidents_acknowledged_by_idx` ON `incidents` (`acknowledged_by`);--> statement-breakpoint
ALTER TABLE `persons` ADD `restricted` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `persons` ADD `restriction_category` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `restriction_reason` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `restricted_at` integer;--> statement-breakpoint
ALTER TABLE `persons` ADD `restricted_by` integer REFERENCES users(id);--> statement-breakpoint
CREATE INDEX `persons_restricted_idx` ON `persons` (`restricted`);--> statement-breakpoint
CREATE INDEX `persons_restricted_by_idx` ON `persons` (`restricted_by`);--> statement-breakpoint
ALTER TABLE `stays` ADD `exit_incident_id` integer REFERENCES incidents(id);--> statement-breakpoint
CREATE INDEX `stays_exit_incident_idx` ON `stays` (`exit_incident_id`);--> statement-breakpoint
-- Who read a case file is append-only, like the audit log.
CREATE TRIGGER `case_file_reads_no_update` BEFORE UPDATE ON `case_file_reads`
BEGIN
  SELECT RAISE(ABORT, 'case_file_reads is append-only: rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER `case_file_reads_no_delete` BEFORE DELETE ON `case_file_reads`
BEGIN
  SELECT RAISE(ABORT, 'case_file_reads is append-only: rows cannot be deleted');
END;
