/** English texts for cancelling a fit and for backups that failed after a save (issue 18). */
export const hardeningEn = {
  cancelFit: 'Cancel',
  fitCancelled: 'The fit was cancelled.',
  backupFailed: 'Saved. The backup of the database failed ({{error}}); the backup from {{takenAt}} is unchanged.',
  noCurrentBackup:
    'Saved, but the database has no current backup: {{count}} backups in a row failed (last: {{error}}). Free disk space, or copy the database somewhere safe.',
  noBackupAtAll: 'Saved, but the database has no backup: the backup failed ({{error}}). Free disk space, or copy the database somewhere safe.',
};
