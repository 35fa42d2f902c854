ALTER TABLE `events` ADD `checkout_mode` text DEFAULT 'handoff' NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `checkout_url` text;--> statement-breakpoint
ALTER TABLE `events` ADD `max_places_per_order` integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `hold_minutes` integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `max_hold_minutes` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE `hold_tokens` ADD `event_id` integer REFERENCES events(id) ON DELETE cascade;