DROP INDEX `hold_tokens_event_client`;--> statement-breakpoint
CREATE INDEX `hold_tokens_client` ON `hold_tokens` (`client`,`expired`,`expires_at`);--> statement-breakpoint
CREATE INDEX `workspaces_default` ON `workspaces` (`is_default`);