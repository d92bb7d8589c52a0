"""Why a backup or a restore stopped, each with a stable code."""


class BackupError(Exception):
    code = "backup"


class TargetNotEmpty(BackupError):
    """The data folder or database already holds data; restore only overwrites with --force."""

    code = "restore_target_not_empty"


class ManifestMismatch(BackupError):
    """A file in the backup is missing or its sha256 differs from the manifest."""

    code = "backup_corrupt"


class ToolMissing(BackupError):
    """pg_dump or pg_restore could not be found."""

    code = "backup_tool_missing"
