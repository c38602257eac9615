DROP INDEX `action_champions_org_idx`;--> statement-breakpoint
CREATE INDEX `action_champions_org_role_idx` ON `action_champions` (`organization_id`,`role`);