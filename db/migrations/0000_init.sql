CREATE TABLE `opportunities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`section_id` integer NOT NULL,
	`text` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`section_id`) REFERENCES `sections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `opportunities_section_idx` ON `opportunities` (`section_id`,`position`);--> statement-breakpoint
CREATE TABLE `plan_partners` (
	`plan_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_partners_pk` ON `plan_partners` (`plan_id`,`organization_id`);--> statement-breakpoint
CREATE INDEX `plan_partners_org_idx` ON `plan_partners` (`organization_id`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`region` text NOT NULL,
	`summary` text,
	`period_start` text,
	`period_end` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`source_citation` text,
	`source_url` text,
	`previous_plan_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`previous_plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "plans_status_check" CHECK("plans"."status" in ('draft','active','archived'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_slug_unique` ON `plans` (`slug`);--> statement-breakpoint
CREATE TABLE `sections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`parent_id` integer,
	`key` text NOT NULL,
	`kind` text DEFAULT 'section' NOT NULL,
	`code` text,
	`title` text NOT NULL,
	`description` text,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `sections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sections_plan_idx` ON `sections` (`plan_id`,`parent_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `sections_key_unique` ON `sections` (`plan_id`,`key`);--> statement-breakpoint
CREATE TABLE `organizations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`acronym` text,
	`type` text DEFAULT 'other' NOT NULL,
	`website` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organizations_slug_unique` ON `organizations` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `organizations_name_unique` ON `organizations` (lower("name"));--> statement-breakpoint
CREATE INDEX `organizations_acronym_idx` ON `organizations` (`acronym`);--> statement-breakpoint
CREATE TABLE `action_champions` (
	`action_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`role` text DEFAULT 'partner' NOT NULL,
	PRIMARY KEY(`action_id`, `organization_id`),
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `action_champions_org_idx` ON `action_champions` (`organization_id`);--> statement-breakpoint
CREATE TABLE `actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`section_id` integer,
	`code` text NOT NULL,
	`title` text,
	`text` text NOT NULL,
	`work_group_id` integer,
	`lead_person` text,
	`status` text DEFAULT 'not_started' NOT NULL,
	`percent_complete` integer DEFAULT 0 NOT NULL,
	`is_priority` integer DEFAULT false NOT NULL,
	`start_date` text,
	`due_date` text,
	`retired_at` text,
	`position` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`section_id`) REFERENCES `sections`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`work_group_id`) REFERENCES `work_groups`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "actions_percent_check" CHECK("actions"."percent_complete" between 0 and 100)
);
--> statement-breakpoint
CREATE INDEX `actions_plan_idx` ON `actions` (`plan_id`,`section_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `actions_code_unique` ON `actions` (`plan_id`,`code`);--> statement-breakpoint
CREATE INDEX `actions_section_idx` ON `actions` (`section_id`);--> statement-breakpoint
CREATE INDEX `actions_work_group_idx` ON `actions` (`work_group_id`);--> statement-breakpoint
CREATE INDEX `actions_plan_status_idx` ON `actions` (`plan_id`,`status`);--> statement-breakpoint
CREATE TABLE `target_sections` (
	`target_id` integer NOT NULL,
	`section_id` integer NOT NULL,
	PRIMARY KEY(`target_id`, `section_id`),
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`section_id`) REFERENCES `sections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`description` text NOT NULL,
	`market_support_usd` integer NOT NULL,
	`source` text,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `targets_plan_idx` ON `targets` (`plan_id`);--> statement-breakpoint
CREATE TABLE `work_group_sections` (
	`work_group_id` integer NOT NULL,
	`section_id` integer NOT NULL,
	PRIMARY KEY(`work_group_id`, `section_id`),
	FOREIGN KEY (`work_group_id`) REFERENCES `work_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`section_id`) REFERENCES `sections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `work_group_sections_section_idx` ON `work_group_sections` (`section_id`);--> statement-breakpoint
CREATE TABLE `work_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`lead_organization_id` integer,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lead_organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `work_groups_key_unique` ON `work_groups` (`plan_id`,`key`);--> statement-breakpoint
CREATE INDEX `work_groups_lead_idx` ON `work_groups` (`lead_organization_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text DEFAULT 'viewer' NOT NULL,
	`password_hash` text,
	`is_active` integer DEFAULT true NOT NULL,
	`session_version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (lower("email"));--> statement-breakpoint
CREATE TABLE `work_group_members` (
	`work_group_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`role` text DEFAULT 'member' NOT NULL,
	PRIMARY KEY(`work_group_id`, `user_id`),
	FOREIGN KEY (`work_group_id`) REFERENCES `work_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `work_group_members_user_idx` ON `work_group_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `measurements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`metric_id` integer NOT NULL,
	`period_label` text NOT NULL,
	`value` real NOT NULL,
	`note` text,
	`source` text,
	`entered_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`metric_id`) REFERENCES `metrics`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `measurements_metric_idx` ON `measurements` (`metric_id`,`period_label`);--> statement-breakpoint
CREATE TABLE `metrics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`section_id` integer,
	`work_group_id` integer,
	`action_id` integer,
	`name` text NOT NULL,
	`description` text,
	`unit` text NOT NULL,
	`direction` text DEFAULT 'up' NOT NULL,
	`baseline_value` real,
	`baseline_date` text,
	`target_value` real,
	`target_date` text,
	`frequency` text DEFAULT 'annual' NOT NULL,
	`source` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`section_id`) REFERENCES `sections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`work_group_id`) REFERENCES `work_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `metrics_plan_idx` ON `metrics` (`plan_id`);--> statement-breakpoint
CREATE TABLE `progress_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`period_id` integer,
	`author_id` integer,
	`status` text NOT NULL,
	`percent_complete` integer NOT NULL,
	`narrative` text DEFAULT '' NOT NULL,
	`review_state` text DEFAULT 'submitted' NOT NULL,
	`review_note` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`period_id`) REFERENCES `reporting_periods`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `progress_updates_action_idx` ON `progress_updates` (`action_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `progress_updates_period_idx` ON `progress_updates` (`period_id`);--> statement-breakpoint
CREATE TABLE `reporting_periods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`label` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`deadline` text NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`is_current` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reporting_periods_label_unique` ON `reporting_periods` (`plan_id`,`label`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`period_id` integer,
	`title` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`snapshot` text,
	`published_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`period_id`) REFERENCES `reporting_periods`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `reports_plan_idx` ON `reports` (`plan_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`actor_user_id` integer,
	`actor_label` text NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text,
	`diff` text
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);