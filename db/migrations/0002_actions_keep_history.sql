-- An action with recorded progress is retired (retired_at), never deleted:
-- deleting it would erase the history that reports and audits rely on.
CREATE TRIGGER `actions_keep_history` BEFORE DELETE ON `actions`
WHEN EXISTS (SELECT 1 FROM `progress_updates` WHERE `action_id` = OLD.`id`)
BEGIN
  SELECT RAISE(ABORT, 'an action with progress updates cannot be deleted; retire it instead');
END;
