CREATE TABLE `report_acknowledgements` (
	`report_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`acknowledged_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_acknowledgements_unique` ON `report_acknowledgements` (`report_id`,`user_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`period_id` integer NOT NULL,
	`title` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`edition` integer DEFAULT 1 NOT NULL,
	`supersedes_id` integer,
	`texts` text DEFAULT '{}' NOT NULL,
	`featured_update_ids` text DEFAULT '[]' NOT NULL,
	`section_order` text DEFAULT '[]' NOT NULL,
	`compiled` text,
	`compiled_at` text,
	`snapshot` text,
	`change_note` text,
	`created_by_id` integer,
	`published_by_id` integer,
	`published_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`period_id`) REFERENCES `reporting_periods`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`supersedes_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`published_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
-- Reports written under the placeholder shape (none in practice): their version number becomes the edition; one without a period cannot be kept.
INSERT INTO `__new_reports`("id", "plan_id", "period_id", "title", "status", "edition", "snapshot", "published_at", "created_at") SELECT "id", "plan_id", "period_id", "title", "status", "version", "snapshot", "published_at", "created_at" FROM `reports` WHERE "period_id" IS NOT NULL;--> statement-breakpoint
DROP TABLE `reports`;--> statement-breakpoint
ALTER TABLE `__new_reports` RENAME TO `reports`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `reports_plan_idx` ON `reports` (`plan_id`,`period_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `reports_period_edition_unique` ON `reports` (`period_id`,`edition`);--> statement-breakpoint
CREATE UNIQUE INDEX `reports_period_draft_unique` ON `reports` (`period_id`) WHERE "reports"."status" = 'draft';