CREATE TABLE `stay_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uploaded_by` integer NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`row_count` integer NOT NULL,
	`valid_count` integer NOT NULL,
	`status` text DEFAULT 'previewed' NOT NULL,
	`rows` text NOT NULL,
	`errors` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`imported_at` integer,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stay_batches_user_idx` ON `stay_batches` (`uploaded_by`,`created_at`);