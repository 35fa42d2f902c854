CREATE TABLE `extra_data` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`json` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `extra_data_event` ON `extra_data` (`event_id`);--> statement-breakpoint
ALTER TABLE `event_objects` ADD `extra_data_id` integer;--> statement-breakpoint
ALTER TABLE `status_changes` ADD `extra_data_id` integer;--> statement-breakpoint
-- Keep what was stored: one row per distinct value of each event, referred to by the objects and the log.
INSERT INTO `extra_data` (`event_id`, `json`)
  SELECT `event_id`, `extra_data` FROM `event_objects` WHERE `extra_data` IS NOT NULL
  UNION SELECT `event_id`, `extra_data` FROM `status_changes` WHERE `extra_data` IS NOT NULL;--> statement-breakpoint
UPDATE `event_objects` SET `extra_data_id` = (SELECT `id` FROM `extra_data` x WHERE x.`event_id` = `event_objects`.`event_id` AND x.`json` = `event_objects`.`extra_data`)
  WHERE `extra_data` IS NOT NULL;--> statement-breakpoint
UPDATE `status_changes` SET `extra_data_id` = (SELECT `id` FROM `extra_data` x WHERE x.`event_id` = `status_changes`.`event_id` AND x.`json` = `status_changes`.`extra_data`)
  WHERE `extra_data` IS NOT NULL;--> statement-breakpoint
ALTER TABLE `event_objects` DROP COLUMN `extra_data`;--> statement-breakpoint
ALTER TABLE `status_changes` DROP COLUMN `extra_data`;
