CREATE TABLE `charts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` integer NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`definition` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `charts_workspace_key` ON `charts` (`workspace_id`,`key`);--> statement-breakpoint
CREATE TABLE `event_objects` (
	`event_id` integer NOT NULL,
	`label` text NOT NULL,
	`status` text DEFAULT 'free' NOT NULL,
	`hold_token` text,
	`order_id` text,
	`ticket_type` text,
	`extra_data` text,
	`for_sale` integer DEFAULT true NOT NULL,
	PRIMARY KEY(`event_id`, `label`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `event_objects_hold_token` ON `event_objects` (`hold_token`);--> statement-breakpoint
CREATE INDEX `event_objects_order` ON `event_objects` (`event_id`,`order_id`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` integer NOT NULL,
	`chart_id` integer NOT NULL,
	`key` text NOT NULL,
	`name` text,
	`date` text,
	`seq` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chart_id`) REFERENCES `charts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_key_unique` ON `events` (`key`);--> statement-breakpoint
CREATE INDEX `events_workspace` ON `events` (`workspace_id`);--> statement-breakpoint
CREATE TABLE `ga_allocations` (
	`event_id` integer NOT NULL,
	`label` text NOT NULL,
	`status` text NOT NULL,
	`hold_token` text DEFAULT '' NOT NULL,
	`quantity` integer NOT NULL,
	PRIMARY KEY(`event_id`, `label`, `status`, `hold_token`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ga_allocations_hold_token` ON `ga_allocations` (`hold_token`);--> statement-breakpoint
CREATE TABLE `hold_tokens` (
	`token` text PRIMARY KEY NOT NULL,
	`workspace_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`expired` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `hold_tokens_pending_expiry` ON `hold_tokens` (`expired`,`expires_at`);--> statement-breakpoint
CREATE TABLE `status_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`label` text NOT NULL,
	`status` text NOT NULL,
	`quantity` integer DEFAULT 1 NOT NULL,
	`hold_token` text,
	`order_id` text,
	`extra_data` text,
	`origin` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `status_changes_event_seq` ON `status_changes` (`event_id`,`seq`);--> statement-breakpoint
CREATE INDEX `status_changes_event_label` ON `status_changes` (`event_id`,`label`);--> statement-breakpoint
CREATE TABLE `workspaces` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`secret_key` text NOT NULL,
	`name` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workspaces_key_unique` ON `workspaces` (`key`);--> statement-breakpoint
CREATE UNIQUE INDEX `workspaces_secret_key_unique` ON `workspaces` (`secret_key`);