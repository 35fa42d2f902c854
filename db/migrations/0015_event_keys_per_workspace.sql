DROP INDEX `events_key_unique`;--> statement-breakpoint
DROP INDEX `events_workspace`;--> statement-breakpoint
CREATE UNIQUE INDEX `events_workspace_key` ON `events` (`workspace_id`,`key`);