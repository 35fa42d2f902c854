CREATE TABLE `company_admin_key` (
	`id` integer PRIMARY KEY NOT NULL,
	`key_hash` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `workspaces` ADD `is_test` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `is_active` integer DEFAULT true NOT NULL;