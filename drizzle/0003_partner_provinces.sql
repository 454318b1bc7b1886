CREATE TABLE `partner_provinces` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`office` text NOT NULL,
	`contact_name` text,
	`contact_phone` text,
	`contact_email` text,
	`base_url` text,
	`public_key` text,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` integer,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `partner_provinces_updated_by_idx` ON `partner_provinces` (`updated_by`);