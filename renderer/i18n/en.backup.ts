/** English messages of backups and their restore. */
export const enBackup = {
  'backup.button': 'Backups',
  'backup.title': 'Backups',
  'backup.body':
    'A backup is the whole customer file in one file, still encrypted: the passphrase the file has today opens it, on this computer or another one.',
  'backup.now.title': 'Back up now',
  'backup.now.save': 'Save a backup…',
  'backup.now.saving': 'Preparing the backup…',
  'backup.now.saved': {
    one: 'Backup saved: {count} customer',
    other: 'Backup saved: {count} customers',
  },
  'backup.auto.title': 'Automatic backups',
  'backup.auto.webOnly':
    'Automatic backups into a folder need the desktop app. In the browser, save a backup by hand regularly.',
  'backup.auto.folder': 'Folder',
  'backup.auto.noFolder': 'No folder chosen',
  'backup.auto.chooseFolder': 'Choose a folder…',
  'backup.auto.every': 'Back up',
  'backup.auto.every.0': 'Never',
  'backup.auto.every.24': 'Every day',
  'backup.auto.every.168': 'Every week',
  'backup.auto.keep': 'Backups kept in the folder',
  'backup.auto.keepHint':
    'The oldest ones are deleted; other files in the folder are never touched.',
  'backup.auto.last': 'Last backup: {date} ({file})',
  'backup.auto.never': 'No automatic backup yet.',
  'backup.auto.failed': 'The last backup failed: {reason}',
  'backup.auto.runNow': 'Back up into the folder now',
  'backup.auto.done': 'Backup written into the folder',
  'backup.restore.title': 'Restore from a backup',
  'backup.restore.body':
    'Replaces the customer file on this computer with the one in a backup file.',
  'backup.restore.open': 'Restore from a backup…',
  'backup.restore.passphraseTitle': 'Open the backup',
  'backup.restore.passphraseBody':
    '{name}: type the passphrase the customer file had when this backup was made.',
  'backup.restore.check': 'Show what it holds',
  'backup.restore.checking': 'Checking…',
  'backup.restore.wrongPassphrase': 'This passphrase does not open this backup.',
  'backup.restore.previewTitle': 'What this backup holds',
  'backup.restore.madeAt': 'Made on',
  'backup.restore.version': 'With Comptoir',
  'backup.restore.customers': 'Customers',
  'backup.restore.purchases': 'Purchases',
  'backup.restore.interactions': 'Interactions',
  'backup.restore.products': 'Products',
  'backup.restore.replaces':
    'The customer file on this computer will be replaced: everything recorded in it that is not in this backup will be lost.',
  'backup.restore.sameFile': 'This backup comes from this same customer file.',
  'backup.restore.otherFile': 'This backup comes from another customer file.',
  'backup.restore.damaged': {
    one: '{count} block of records in this backup is missing, older than it should be or altered: it will be set aside as damaged ({records} records). The rest restores.',
    other:
      '{count} blocks of records in this backup are missing, older than they should be or altered: they will be set aside as damaged ({records} records). The rest restores.',
  },
  'backup.restore.unverified':
    'This backup was made by an earlier version of Comptoir: its counts could not be checked.',
  'backup.restore.afterwards': "Afterwards, the file opens with the backup's passphrase.",
  'backup.restore.confirm': 'Restore',
  'backup.restore.restoring': 'Restoring…',
  'backup.restore.done': {
    one: 'Backup restored: {count} customer',
    other: 'Backup restored: {count} customers',
  },
  'backup.restore.currentPassphrase': 'Passphrase of the customer file open now',
  'backup.restore.currentHint':
    'To replace it, type its passphrase again. A backup of it is kept on this computer first (Backups, "Kept before a restore").',
  'backup.restore.wrongCurrent': 'This is not the passphrase of the customer file open now.',
  'backup.restore.keptReplaced': 'The file it replaced was kept: {name}',
  'backup.kept.title': 'Kept before a restore',
  'backup.kept.body':
    'Each restore first keeps a backup of the file it replaces (the newest three). Save a copy, then restore it to undo a restore; it opens with the passphrase that file had.',
  'backup.kept.item': {
    one: '{date}: {count} customer',
    other: '{date}: {count} customers',
  },
  'backup.kept.save': 'Save a copy…',
  'backup.kept.saved': 'Copy saved',
  'backup.restore.back': 'Back',
  'backup.restore.cancel': 'Cancel',
  'backup.close': 'Close',
  'vault.restoreInstead': 'Restore from a backup instead',
};
