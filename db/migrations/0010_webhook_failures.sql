ALTER TABLE `webhook_subscriptions` ADD `failing_since` integer;--> statement-breakpoint
ALTER TABLE `webhook_subscriptions` ADD `disabled_reason` text;