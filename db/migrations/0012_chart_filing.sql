ALTER TABLE `charts` ADD `archived` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `charts` ADD `tags` text DEFAULT '[]' NOT NULL;