CREATE TABLE `areas` (
	`code` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	CONSTRAINT "areas_code_check" CHECK("areas"."code" glob '[0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z]')
);
--> statement-breakpoint
CREATE TABLE `region_areas` (
	`region_id` integer NOT NULL,
	`area` text NOT NULL,
	PRIMARY KEY(`region_id`, `area`),
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "region_areas_area_check" CHECK("region_areas"."area" glob '[0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z]')
);
--> statement-breakpoint
CREATE TABLE `regions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `regions_key_unique` ON `regions` (`key`);--> statement-breakpoint
CREATE TABLE `cluster_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`section_id` integer NOT NULL,
	`component` text DEFAULT '' NOT NULL,
	`code` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`section_id`) REFERENCES `cluster_definitions`(`section_id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "cluster_codes_code_check" CHECK("cluster_codes"."code" glob '[1-9][0-9]' or "cluster_codes"."code" glob '[1-9][0-9]-[1-9][0-9]' or "cluster_codes"."code" glob '[1-9][0-9][0-9]' or "cluster_codes"."code" glob '[1-9][0-9][0-9][0-9]' or "cluster_codes"."code" glob '[1-9][0-9][0-9][0-9][0-9]' or "cluster_codes"."code" glob '[1-9][0-9][0-9][0-9][0-9][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cluster_codes_code_unique` ON `cluster_codes` (`section_id`,`code`);--> statement-breakpoint
CREATE TABLE `cluster_definitions` (
	`section_id` integer PRIMARY KEY NOT NULL,
	`note` text,
	`is_starting_point` integer DEFAULT false NOT NULL,
	`metric_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`section_id`) REFERENCES `sections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`metric_id`) REFERENCES `metrics`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `employment_cells` (
	`area` text NOT NULL,
	`industry` text NOT NULL,
	`ownership` integer NOT NULL,
	`year` integer NOT NULL,
	`quarter` integer NOT NULL,
	`level` integer,
	`disclosed` integer NOT NULL,
	`establishments` integer NOT NULL,
	`month1` integer,
	`month2` integer,
	`month3` integer,
	`annual_employment` real,
	`wages` real NOT NULL,
	`import_id` integer,
	PRIMARY KEY(`area`, `industry`, `ownership`, `year`, `quarter`),
	FOREIGN KEY (`import_id`) REFERENCES `employment_imports`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "employment_cells_quarter_check" CHECK("employment_cells"."quarter" between 0 and 4),
	CONSTRAINT "employment_cells_months_check" CHECK(("employment_cells"."quarter" = 0) = ("employment_cells"."month1" is null) and ("employment_cells"."quarter" = 0) = ("employment_cells"."annual_employment" is not null))

) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `employment_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`layout` text,
	`sha256` text NOT NULL,
	`bytes` integer NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`rows_read` integer DEFAULT 0 NOT NULL,
	`inserted` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`suppressed` integer DEFAULT 0 NOT NULL,
	`skipped` text DEFAULT '{}' NOT NULL,
	`error` text,
	`started_by` integer,
	`started_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`finished_at` text,
	FOREIGN KEY (`started_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "employment_imports_status_check" CHECK("employment_imports"."status" in ('running','done','failed'))
);
--> statement-breakpoint
CREATE INDEX `employment_imports_started_idx` ON `employment_imports` (`started_at`);--> statement-breakpoint
CREATE TABLE `industries` (
	`code` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `plans` ADD `analytics_region_id` integer REFERENCES regions(id) ON UPDATE no action ON DELETE set null;--> statement-breakpoint
ALTER TABLE `plans` ADD `reference_area` text;