CREATE TABLE `channel_objects` (
	`event_id` integer NOT NULL,
	`label` text NOT NULL,
	`channel_key` text NOT NULL,
	PRIMARY KEY(`event_id`, `label`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `channel_objects_channel` ON `channel_objects` (`event_id`,`channel_key`);--> statement-breakpoint
CREATE TABLE `event_channels` (
	`event_id` integer NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`color` text,
	`index` integer,
	`position` integer NOT NULL,
	PRIMARY KEY(`event_id`, `key`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
