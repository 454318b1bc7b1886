CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outreach_unit` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`token_prefix` text NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	`revoked_by` integer,
	FOREIGN KEY (`outreach_unit`) REFERENCES `outreach_units`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_unit_idx` ON `api_tokens` (`outreach_unit`);--> statement-breakpoint
CREATE INDEX `api_tokens_created_by_idx` ON `api_tokens` (`created_by`);--> statement-breakpoint
CREATE INDEX `api_tokens_revoked_by_idx` ON `api_tokens` (`revoked_by`);--> statement-breakpoint
CREATE TABLE `assessments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stay_id` integer NOT NULL,
	`assessed_on` text NOT NULL,
	`problems` text NOT NULL,
	`strengths` text,
	`family_situation` text,
	`health` text,
	`cluster` text,
	`summary` text,
	`recorded_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assessments_stay_idx` ON `assessments` (`stay_id`);--> statement-breakpoint
CREATE INDEX `assessments_recorded_by_idx` ON `assessments` (`recorded_by`);--> statement-breakpoint
CREATE TABLE `attendance` (
	`session_id` integer NOT NULL,
	`enrolment_id` integer NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`recorded_by` integer,
	`recorded_at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `enrolment_id`),
	FOREIGN KEY (`session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enrolment_id`) REFERENCES `enrolments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`status`) REFERENCES `attendance_statuses`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attendance_enrolment_idx` ON `attendance` (`enrolment_id`);--> statement-breakpoint
CREATE INDEX `attendance_status_idx` ON `attendance` (`status`);--> statement-breakpoint
CREATE INDEX `attendance_recorded_by_idx` ON `attendance` (`recorded_by`);--> statement-breakpoint
CREATE TABLE `attendance_statuses` (
	`code` text PRIMARY KEY NOT NULL,
	`name_id` text NOT NULL,
	`name_en` text NOT NULL,
	`points` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`user_id` integer,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`panti_id` integer,
	`before` text,
	`after` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`panti_id`) REFERENCES `panti`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_panti_idx` ON `audit_log` (`panti_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_user_idx` ON `audit_log` (`user_id`);--> statement-breakpoint
CREATE TABLE `bed_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stay_id` integer NOT NULL,
	`bed_id` integer NOT NULL,
	`from_at` integer NOT NULL,
	`to_at` integer,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bed_id`) REFERENCES `beds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bed_assignments_stay_idx` ON `bed_assignments` (`stay_id`);--> statement-breakpoint
CREATE INDEX `bed_assignments_bed_idx` ON `bed_assignments` (`bed_id`,`to_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `bed_assignments_open_bed_uq` ON `bed_assignments` (`bed_id`) WHERE to_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX `bed_assignments_open_stay_uq` ON `bed_assignments` (`stay_id`) WHERE to_at is null;--> statement-breakpoint
CREATE TABLE `beds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`panti_id` integer NOT NULL,
	`room_id` integer NOT NULL,
	`label` text NOT NULL,
	`status` text DEFAULT 'available' NOT NULL,
	`overflow` integer DEFAULT false NOT NULL,
	`status_reason` text,
	`status_changed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`panti_id`) REFERENCES `panti`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `beds_room_label_uq` ON `beds` (`room_id`,`label`);--> statement-breakpoint
CREATE INDEX `beds_panti_idx` ON `beds` (`panti_id`,`status`,`overflow`);--> statement-breakpoint
CREATE TABLE `class_instructors` (
	`class_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`class_id`, `user_id`),
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `class_instructors_user_idx` ON `class_instructors` (`user_id`);--> statement-breakpoint
CREATE TABLE `class_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`class_id` integer NOT NULL,
	`date` text NOT NULL,
	`topic` text,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `class_sessions_class_date_uq` ON `class_sessions` (`class_id`,`date`);--> statement-breakpoint
CREATE INDEX `class_sessions_created_by_idx` ON `class_sessions` (`created_by`);--> statement-breakpoint
CREATE TABLE `classes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`panti_id` integer NOT NULL,
	`programme_code` text NOT NULL,
	`name` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`capacity` integer NOT NULL,
	`schedule_days` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`attendance_threshold` integer DEFAULT 75 NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`panti_id`) REFERENCES `panti`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`programme_code`) REFERENCES `programmes`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `classes_panti_idx` ON `classes` (`panti_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `classes_programme_idx` ON `classes` (`programme_code`);--> statement-breakpoint
CREATE INDEX `classes_created_by_idx` ON `classes` (`created_by`);--> statement-breakpoint
CREATE TABLE `disability_subtypes` (
	`code` text PRIMARY KEY NOT NULL,
	`name_id` text NOT NULL,
	`name_en` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `enrolments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`class_id` integer NOT NULL,
	`stay_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`enrolled_at` integer NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`ended_at` integer,
	`outcome` text,
	`outcome_notes` text,
	`certificate_number` text,
	`created_by` integer,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enrolments_certificate_number_unique` ON `enrolments` (`certificate_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `enrolments_class_person_uq` ON `enrolments` (`class_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `enrolments_stay_idx` ON `enrolments` (`stay_id`,`status`);--> statement-breakpoint
CREATE INDEX `enrolments_person_idx` ON `enrolments` (`person_id`);--> statement-breakpoint
CREATE INDEX `enrolments_created_by_idx` ON `enrolments` (`created_by`);--> statement-breakpoint
CREATE TABLE `exit_outcomes` (
	`code` text PRIMARY KEY NOT NULL,
	`name_id` text NOT NULL,
	`name_en` text NOT NULL,
	`outcome_group` text NOT NULL,
	`positive` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `family_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`name` text NOT NULL,
	`relation` text NOT NULL,
	`phone` text,
	`address` text,
	`notes` text,
	`recorded_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `family_contacts_person_idx` ON `family_contacts` (`person_id`);--> statement-breakpoint
CREATE INDEX `family_contacts_recorded_by_idx` ON `family_contacts` (`recorded_by`);--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stay_id` integer NOT NULL,
	`panti_id` integer NOT NULL,
	`sequence` integer NOT NULL,
	`due_date` text NOT NULL,
	`done_at` integer,
	`channel` text,
	`result` text,
	`notes` text,
	`recorded_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`panti_id`) REFERENCES `panti`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_ups_stay_sequence_uq` ON `follow_ups` (`stay_id`,`sequence`);--> statement-breakpoint
CREATE INDEX `follow_ups_due_idx` ON `follow_ups` (`panti_id`,`done_at`,`due_date`);--> statement-breakpoint
CREATE INDEX `follow_ups_recorded_by_idx` ON `follow_ups` (`recorded_by`);--> statement-breakpoint
CREATE TABLE `identity_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`document` text NOT NULL,
	`status` text NOT NULL,
	`step_on` text NOT NULL,
	`number` text,
	`notes` text,
	`recorded_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `identity_steps_person_idx` ON `identity_steps` (`person_id`,`document`);--> statement-breakpoint
CREATE INDEX `identity_steps_recorded_by_idx` ON `identity_steps` (`recorded_by`);--> statement-breakpoint
CREATE TABLE `intervention_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stay_id` integer NOT NULL,
	`created_on` text NOT NULL,
	`goals` text NOT NULL,
	`recorded_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `intervention_plans_stay_idx` ON `intervention_plans` (`stay_id`);--> statement-breakpoint
CREATE INDEX `intervention_plans_recorded_by_idx` ON `intervention_plans` (`recorded_by`);--> statement-breakpoint
CREATE TABLE `login_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_failures_key_idx` ON `login_failures` (`key`,`at`);--> statement-breakpoint
CREATE TABLE `module_progress` (
	`enrolment_id` integer NOT NULL,
	`module_id` integer NOT NULL,
	`status` text NOT NULL,
	`score` integer,
	`note` text,
	`assessed_on` text,
	`recorded_by` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`enrolment_id`, `module_id`),
	FOREIGN KEY (`enrolment_id`) REFERENCES `enrolments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`module_id`) REFERENCES `programme_modules`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `module_progress_module_idx` ON `module_progress` (`module_id`);--> statement-breakpoint
CREATE INDEX `module_progress_recorded_by_idx` ON `module_progress` (`recorded_by`);--> statement-breakpoint
CREATE TABLE `outreach_units` (
	`code` text PRIMARY KEY NOT NULL,
	`name_id` text NOT NULL,
	`kota` text
);
--> statement-breakpoint
CREATE TABLE `panti` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`kind` text DEFAULT 'upt' NOT NULL,
	`target_group` text DEFAULT '' NOT NULL,
	`target_categories` text DEFAULT '[]' NOT NULL,
	`sex_served` text DEFAULT 'any' NOT NULL,
	`age_min` integer,
	`age_max` integer,
	`kota` text,
	`address` text,
	`declared_capacity` integer,
	`capacity_estimated` integer DEFAULT false NOT NULL,
	`capacity_year` integer,
	`reported_residents` integer,
	`reported_year` integer,
	`source` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `panti_code_unique` ON `panti` (`code`);--> statement-breakpoint
CREATE INDEX `panti_type_idx` ON `panti` (`type`);--> statement-breakpoint
CREATE INDEX `panti_kota_idx` ON `panti` (`kota`);--> statement-breakpoint
CREATE TABLE `persons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`nik` text,
	`kk` text,
	`name` text,
	`unidentified` integer DEFAULT false NOT NULL,
	`description` text,
	`sex` text NOT NULL,
	`birth_date` text,
	`estimated_birth_year` integer,
	`origin_province` text,
	`origin_city` text,
	`ppks_category` text,
	`disability_subtypes` text DEFAULT '[]' NOT NULL,
	`birth_year` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`ppks_category`) REFERENCES `ppks_categories`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `persons_sex_birth_year_idx` ON `persons` (`sex`,`birth_year`);--> statement-breakpoint
CREATE UNIQUE INDEX `persons_nik_uq` ON `persons` (`nik`) WHERE nik is not null;--> statement-breakpoint
CREATE INDEX `persons_name_idx` ON `persons` (`name`);--> statement-breakpoint
CREATE INDEX `persons_category_idx` ON `persons` (`ppks_category`);--> statement-breakpoint
CREATE TABLE `placement_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uploaded_by` integer NOT NULL,
	`outreach_unit` text,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`row_count` integer NOT NULL,
	`valid_count` integer NOT NULL,
	`status` text DEFAULT 'previewed' NOT NULL,
	`rows` text NOT NULL,
	`errors` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`imported_at` integer,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`outreach_unit`) REFERENCES `outreach_units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `placement_batches_user_idx` ON `placement_batches` (`uploaded_by`,`created_at`);--> statement-breakpoint
CREATE INDEX `placement_batches_unit_idx` ON `placement_batches` (`outreach_unit`);--> statement-breakpoint
CREATE TABLE `placements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outreach_unit` text,
	`from_panti_id` integer,
	`officer_name` text NOT NULL,
	`source` text DEFAULT 'form' NOT NULL,
	`created_by` integer,
	`api_token_id` integer,
	`batch_id` integer,
	`external_ref` text,
	`payload_hash` text,
	`found_at` integer NOT NULL,
	`found_kota` text,
	`found_kecamatan` text,
	`found_kelurahan` text,
	`found_place` text,
	`reach_method` text NOT NULL,
	`person_name` text,
	`unidentified` integer DEFAULT false NOT NULL,
	`description` text,
	`sex` text NOT NULL,
	`birth_date` text,
	`estimated_age` integer,
	`nik` text,
	`kk` text,
	`origin_province` text,
	`origin_city` text,
	`ppks_category` text NOT NULL,
	`disability_subtypes` text DEFAULT '[]' NOT NULL,
	`assessment_summary` text,
	`health_notes` text,
	`urgent_needs` text,
	`belongings` text,
	`target_panti_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`decision_reason` text,
	`redirected_to_id` integer,
	`previous_placement_id` integer,
	`from_stay_id` integer,
	`person_id` integer,
	`stay_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`outreach_unit`) REFERENCES `outreach_units`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_panti_id`) REFERENCES `panti`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`api_token_id`) REFERENCES `api_tokens`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `placement_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ppks_category`) REFERENCES `ppks_categories`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`target_panti_id`) REFERENCES `panti`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`redirected_to_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`previous_placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `placements_queue_idx` ON `placements` (`target_panti_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `placements_unit_idx` ON `placements` (`outreach_unit`,`created_at`);--> statement-breakpoint
CREATE INDEX `placements_status_idx` ON `placements` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `placements_found_at_idx` ON `placements` (`found_at`);--> statement-breakpoint
CREATE INDEX `placements_category_idx` ON `placements` (`ppks_category`);--> statement-breakpoint
CREATE INDEX `placements_person_idx` ON `placements` (`person_id`);--> statement-breakpoint
CREATE INDEX `placements_stay_idx` ON `placements` (`stay_id`);--> statement-breakpoint
CREATE INDEX `placements_batch_idx` ON `placements` (`batch_id`);--> statement-breakpoint
CREATE INDEX `placements_token_idx` ON `placements` (`api_token_id`);--> statement-breakpoint
CREATE INDEX `placements_created_by_idx` ON `placements` (`created_by`);--> statement-breakpoint
CREATE INDEX `placements_decided_by_idx` ON `placements` (`decided_by`);--> statement-breakpoint
CREATE INDEX `placements_redirected_to_idx` ON `placements` (`redirected_to_id`);--> statement-breakpoint
CREATE INDEX `placements_previous_idx` ON `placements` (`previous_placement_id`);--> statement-breakpoint
CREATE INDEX `placements_from_stay_idx` ON `placements` (`from_stay_id`);--> statement-breakpoint
CREATE INDEX `placements_from_panti_idx` ON `placements` (`from_panti_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `placements_unit_external_ref_uq` ON `placements` (`outreach_unit`,`external_ref`) WHERE external_ref is not null;--> statement-breakpoint
CREATE TABLE `plan_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`reviewed_on` text NOT NULL,
	`notes` text NOT NULL,
	`recorded_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `intervention_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_reviews_plan_idx` ON `plan_reviews` (`plan_id`);--> statement-breakpoint
CREATE INDEX `plan_reviews_recorded_by_idx` ON `plan_reviews` (`recorded_by`);--> statement-breakpoint
CREATE TABLE `ppks_categories` (
	`code` text PRIMARY KEY NOT NULL,
	`name_id` text NOT NULL,
	`name_en` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `programme_modules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_code` text NOT NULL,
	`code` text NOT NULL,
	`name_id` text NOT NULL,
	`name_en` text NOT NULL,
	`position` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`programme_code`) REFERENCES `programmes`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `programme_modules_code_uq` ON `programme_modules` (`programme_code`,`code`);--> statement-breakpoint
CREATE TABLE `programmes` (
	`code` text PRIMARY KEY NOT NULL,
	`name_id` text NOT NULL,
	`name_en` text NOT NULL,
	`kind` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `psychosocial_services` (
	`code` text PRIMARY KEY NOT NULL,
	`name_id` text NOT NULL,
	`name_en` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `psychosocial_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`panti_id` integer NOT NULL,
	`service_code` text NOT NULL,
	`mode` text NOT NULL,
	`provider_name` text NOT NULL,
	`provider_user_id` integer,
	`session_at` integer NOT NULL,
	`duration_minutes` integer NOT NULL,
	`summary` text,
	`note` text,
	`follow_up` text,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`panti_id`) REFERENCES `panti`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_code`) REFERENCES `psychosocial_services`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `psychosocial_sessions_panti_idx` ON `psychosocial_sessions` (`panti_id`,`session_at`);--> statement-breakpoint
CREATE INDEX `psychosocial_sessions_service_idx` ON `psychosocial_sessions` (`service_code`);--> statement-breakpoint
CREATE INDEX `psychosocial_sessions_provider_idx` ON `psychosocial_sessions` (`provider_user_id`);--> statement-breakpoint
CREATE INDEX `psychosocial_sessions_created_by_idx` ON `psychosocial_sessions` (`created_by`);--> statement-breakpoint
CREATE TABLE `rehabilitation_stages` (
	`code` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`name_id` text NOT NULL,
	`name_en` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rehabilitation_stages_position_unique` ON `rehabilitation_stages` (`position`);--> statement-breakpoint
CREATE TABLE `rooms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`panti_id` integer NOT NULL,
	`name` text NOT NULL,
	`sex` text DEFAULT 'mixed' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`panti_id`) REFERENCES `panti`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rooms_panti_name_uq` ON `rooms` (`panti_id`,`name`);--> statement-breakpoint
CREATE TABLE `session_participants` (
	`session_id` integer NOT NULL,
	`stay_id` integer NOT NULL,
	PRIMARY KEY(`session_id`, `stay_id`),
	FOREIGN KEY (`session_id`) REFERENCES `psychosocial_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `session_participants_stay_idx` ON `session_participants` (`stay_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `stage_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stay_id` integer NOT NULL,
	`stage` text NOT NULL,
	`entered_at` integer NOT NULL,
	`reason` text,
	`recorded_by` integer,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stage`) REFERENCES `rehabilitation_stages`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stage_history_stay_idx` ON `stage_history` (`stay_id`,`entered_at`);--> statement-breakpoint
CREATE INDEX `stage_history_stage_idx` ON `stage_history` (`stage`);--> statement-breakpoint
CREATE INDEX `stage_history_recorded_by_idx` ON `stage_history` (`recorded_by`);--> statement-breakpoint
CREATE TABLE `stays` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`panti_id` integer NOT NULL,
	`placement_id` integer,
	`admitted_at` integer NOT NULL,
	`current_stage` text DEFAULT 'pendekatan_awal' NOT NULL,
	`exited_at` integer,
	`exit_outcome` text,
	`exit_destination` text,
	`exit_details` text,
	`exit_notes` text,
	`exit_recorded_at` integer,
	`exit_recorded_by` integer,
	`previous_stay_id` integer,
	`reentry` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`panti_id`) REFERENCES `panti`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`current_stage`) REFERENCES `rehabilitation_stages`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`exit_outcome`) REFERENCES `exit_outcomes`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`exit_recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`previous_stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stays_panti_open_idx` ON `stays` (`panti_id`,`exited_at`);--> statement-breakpoint
CREATE INDEX `stays_person_idx` ON `stays` (`person_id`);--> statement-breakpoint
CREATE INDEX `stays_admitted_idx` ON `stays` (`admitted_at`,`panti_id`,`reentry`);--> statement-breakpoint
CREATE INDEX `stays_exited_idx` ON `stays` (`exited_at`,`panti_id`,`admitted_at`,`exit_outcome`);--> statement-breakpoint
CREATE INDEX `stays_stage_idx` ON `stays` (`current_stage`);--> statement-breakpoint
CREATE INDEX `stays_outcome_idx` ON `stays` (`exit_outcome`);--> statement-breakpoint
CREATE INDEX `stays_placement_idx` ON `stays` (`placement_id`);--> statement-breakpoint
CREATE INDEX `stays_previous_idx` ON `stays` (`previous_stay_id`);--> statement-breakpoint
CREATE INDEX `stays_exit_recorded_by_idx` ON `stays` (`exit_recorded_by`);--> statement-breakpoint
CREATE UNIQUE INDEX `stays_one_open_per_person_uq` ON `stays` (`person_id`) WHERE exited_at is null;--> statement-breakpoint
CREATE TABLE `tracing_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stay_id` integer NOT NULL,
	`contact_id` integer,
	`attempted_at` integer NOT NULL,
	`channel` text NOT NULL,
	`result` text NOT NULL,
	`notes` text,
	`recorded_by` integer,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `family_contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tracing_attempts_stay_idx` ON `tracing_attempts` (`stay_id`,`attempted_at`);--> statement-breakpoint
CREATE INDEX `tracing_attempts_contact_idx` ON `tracing_attempts` (`contact_id`);--> statement-breakpoint
CREATE INDEX `tracing_attempts_recorded_by_idx` ON `tracing_attempts` (`recorded_by`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`panti_id` integer,
	`outreach_unit` text,
	`active` integer DEFAULT true NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`last_login_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`panti_id`) REFERENCES `panti`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`outreach_unit`) REFERENCES `outreach_units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `users_panti_idx` ON `users` (`panti_id`);--> statement-breakpoint
CREATE INDEX `users_unit_idx` ON `users` (`outreach_unit`);