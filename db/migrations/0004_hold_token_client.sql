ALTER TABLE `hold_tokens` ADD `client` text;--> statement-breakpoint
CREATE INDEX `hold_tokens_event_client` ON `hold_tokens` (`event_id`,`client`);