ALTER TABLE `workspaces` ADD `order_access_key` text;--> statement-breakpoint
-- Links sent before this migration were signed with the secret key: they keep working.
UPDATE `workspaces` SET `order_access_key` = `secret_key` WHERE `order_access_key` IS NULL;
