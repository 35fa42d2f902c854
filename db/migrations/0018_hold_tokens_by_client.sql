DROP INDEX `hold_tokens_client`;--> statement-breakpoint
CREATE INDEX `hold_tokens_by_client` ON `hold_tokens` (`client`);