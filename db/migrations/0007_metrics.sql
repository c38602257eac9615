PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_metrics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`key` text DEFAULT (lower(hex(randomblob(8)))) NOT NULL,
	`scope` text DEFAULT 'plan' NOT NULL,
	`section_id` integer,
	`work_group_id` integer,
	`action_id` integer,
	`name` text NOT NULL,
	`description` text,
	`unit` text DEFAULT 'count' NOT NULL,
	`unit_label` text,
	`direction` text DEFAULT 'up' NOT NULL,
	`baseline_value` real,
	`baseline_date` text,
	`target_value` real,
	`target_date` text,
	`interim_targets` text DEFAULT '[]' NOT NULL,
	`tolerance_percent` real DEFAULT 10 NOT NULL,
	`frequency` text DEFAULT 'annual' NOT NULL,
	`source` text,
	`method` text,
	`owner_organization_id` integer,
	`owner_person` text,
	`position` integer DEFAULT 0 NOT NULL,
	`retired_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`section_id`) REFERENCES `sections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`work_group_id`) REFERENCES `work_groups`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "metrics_scope_check" CHECK(("__new_metrics"."scope" = 'plan' and "__new_metrics"."section_id" is null and "__new_metrics"."action_id" is null)
        or ("__new_metrics"."scope" = 'section' and "__new_metrics"."section_id" is not null and "__new_metrics"."action_id" is null)
        or ("__new_metrics"."scope" = 'work_group' and "__new_metrics"."work_group_id" is not null and "__new_metrics"."section_id" is null and "__new_metrics"."action_id" is null)
        or ("__new_metrics"."scope" = 'action' and "__new_metrics"."action_id" is not null and "__new_metrics"."section_id" is null and "__new_metrics"."work_group_id" is null))
);
--> statement-breakpoint
-- Rows written before this migration (none in practice: nothing wrote metrics yet) get a scope from their most specific link and keep a non-standard unit as a label.
INSERT INTO `__new_metrics`("id", "plan_id", "scope", "section_id", "work_group_id", "action_id", "name", "description", "unit", "unit_label", "direction", "baseline_value", "baseline_date", "target_value", "target_date", "frequency", "source", "created_at") SELECT "id", "plan_id", CASE WHEN "action_id" IS NOT NULL THEN 'action' WHEN "section_id" IS NOT NULL THEN 'section' WHEN "work_group_id" IS NOT NULL THEN 'work_group' ELSE 'plan' END, CASE WHEN "action_id" IS NULL THEN "section_id" END, CASE WHEN "action_id" IS NULL THEN "work_group_id" END, "action_id", "name", "description", CASE WHEN "unit" IN ('count','jobs','usd','percent') THEN "unit" ELSE 'other' END, CASE WHEN "unit" IN ('count','jobs','usd','percent') THEN NULL ELSE "unit" END, "direction", "baseline_value", "baseline_date", "target_value", "target_date", "frequency", "source", "created_at" FROM `metrics`;--> statement-breakpoint
-- The migrator runs in a transaction, where PRAGMA foreign_keys=OFF has no effect, so dropping metrics would cascade to measurements: keep a copy and put it back below.
CREATE TABLE `__keep_measurements` AS SELECT * FROM `measurements`;--> statement-breakpoint
DROP TABLE `metrics`;--> statement-breakpoint
ALTER TABLE `__new_metrics` RENAME TO `metrics`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `metrics_plan_idx` ON `metrics` (`plan_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `metrics_key_unique` ON `metrics` (`plan_id`,`key`);--> statement-breakpoint
CREATE INDEX `metrics_section_idx` ON `metrics` (`section_id`);--> statement-breakpoint
CREATE INDEX `metrics_action_idx` ON `metrics` (`action_id`);--> statement-breakpoint
CREATE INDEX `metrics_work_group_idx` ON `metrics` (`work_group_id`);--> statement-breakpoint
DROP INDEX `measurements_metric_idx`;--> statement-breakpoint
ALTER TABLE `measurements` ADD `period_start` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `measurements` ADD `period_end` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `measurements` ADD `correction_note` text;--> statement-breakpoint
ALTER TABLE `measurements` ADD `superseded_at` text;--> statement-breakpoint
ALTER TABLE `measurements` ADD `superseded_by_id` integer REFERENCES measurements(id);--> statement-breakpoint
INSERT INTO `measurements`("id", "metric_id", "period_label", "value", "note", "source", "entered_by_id", "created_at") SELECT "id", "metric_id", "period_label", "value", "note", "source", "entered_by_id", "created_at" FROM `__keep_measurements` WHERE "id" NOT IN (SELECT "id" FROM `measurements`);--> statement-breakpoint
DROP TABLE `__keep_measurements`;--> statement-breakpoint
-- Older duplicates for one metric and period become superseded history, so the unique index below holds.
UPDATE `measurements` SET `superseded_at` = `created_at` WHERE `id` NOT IN (SELECT max(`id`) FROM `measurements` GROUP BY `metric_id`, `period_label`);--> statement-breakpoint
CREATE UNIQUE INDEX `measurements_current_unique` ON `measurements` (`metric_id`,`period_label`) WHERE "measurements"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX `measurements_metric_idx` ON `measurements` (`metric_id`,`period_end`);