import type { enBackup } from './en.backup';
import type { Message } from './en';

/** Messages français des sauvegardes et de leur restauration. */
export const frBackup: Record<keyof typeof enBackup, Message> = {
  'backup.button': 'Sauvegardes',
  'backup.title': 'Sauvegardes',
  'backup.body':
    'Une sauvegarde, c’est tout le fichier clients dans un seul fichier, toujours chiffré : la phrase secrète actuelle du fichier l’ouvre, sur cet ordinateur ou sur un autre.',
  'backup.now.title': 'Sauvegarder maintenant',
  'backup.now.save': 'Enregistrer une sauvegarde…',
  'backup.now.saving': 'Préparation de la sauvegarde…',
  'backup.now.saved': {
    one: 'Sauvegarde enregistrée : {count} client',
    other: 'Sauvegarde enregistrée : {count} clients',
  },
  'backup.auto.title': 'Sauvegardes automatiques',
  'backup.auto.webOnly':
    'Les sauvegardes automatiques dans un dossier demandent l’application de bureau. Dans le navigateur, enregistrez régulièrement une sauvegarde à la main.',
  'backup.auto.folder': 'Dossier',
  'backup.auto.noFolder': 'Aucun dossier choisi',
  'backup.auto.chooseFolder': 'Choisir un dossier…',
  'backup.auto.every': 'Sauvegarder',
  'backup.auto.every.0': 'Jamais',
  'backup.auto.every.24': 'Chaque jour',
  'backup.auto.every.168': 'Chaque semaine',
  'backup.auto.keep': 'Sauvegardes gardées dans le dossier',
  'backup.auto.keepHint':
    'Les plus anciennes sont supprimées ; les autres fichiers du dossier ne sont jamais touchés.',
  'backup.auto.last': 'Dernière sauvegarde : {date} ({file})',
  'backup.auto.never': 'Pas encore de sauvegarde automatique.',
  'backup.auto.failed': 'La dernière sauvegarde a échoué : {reason}',
  'backup.auto.runNow': 'Sauvegarder dans le dossier maintenant',
  'backup.auto.done': 'Sauvegarde écrite dans le dossier',
  'backup.restore.title': 'Restaurer une sauvegarde',
  'backup.restore.body':
    'Remplace le fichier clients de cet ordinateur par celui d’un fichier de sauvegarde.',
  'backup.restore.open': 'Restaurer une sauvegarde…',
  'backup.restore.passphraseTitle': 'Ouvrir la sauvegarde',
  'backup.restore.passphraseBody':
    '{name} : tapez la phrase secrète qu’avait le fichier clients quand cette sauvegarde a été faite.',
  'backup.restore.check': 'Voir son contenu',
  'backup.restore.checking': 'Vérification…',
  'backup.restore.wrongPassphrase': 'Cette phrase secrète n’ouvre pas cette sauvegarde.',
  'backup.restore.previewTitle': 'Contenu de la sauvegarde',
  'backup.restore.madeAt': 'Faite le',
  'backup.restore.version': 'Avec Comptoir',
  'backup.restore.customers': 'Clients',
  'backup.restore.purchases': 'Achats',
  'backup.restore.interactions': 'Interactions',
  'backup.restore.products': 'Produits',
  'backup.restore.replaces':
    'Le fichier clients de cet ordinateur sera remplacé : tout ce qui y a été saisi et qui n’est pas dans cette sauvegarde sera perdu.',
  'backup.restore.sameFile': 'Cette sauvegarde vient de ce même fichier clients.',
  'backup.restore.otherFile': 'Cette sauvegarde vient d’un autre fichier clients.',
  'backup.restore.damaged': {
    one: '{count} bloc de fiches de cette sauvegarde manque, est plus ancien qu’il ne devrait ou a été modifié : il sera mis à l’écart comme endommagé ({records} fiches). Le reste sera restauré.',
    other:
      '{count} blocs de fiches de cette sauvegarde manquent, sont plus anciens qu’ils ne devraient ou ont été modifiés : ils seront mis à l’écart comme endommagés ({records} fiches). Le reste sera restauré.',
  },
  'backup.restore.unverified':
    'Cette sauvegarde a été faite par une version antérieure de Comptoir : ses nombres n’ont pas pu être vérifiés.',
  'backup.restore.afterwards':
    'Ensuite, le fichier s’ouvre avec la phrase secrète de la sauvegarde.',
  'backup.restore.confirm': 'Restaurer',
  'backup.restore.restoring': 'Restauration…',
  'backup.restore.done': {
    one: 'Sauvegarde restaurée : {count} client',
    other: 'Sauvegarde restaurée : {count} clients',
  },
  'backup.restore.currentPassphrase': 'Phrase secrète du fichier clients ouvert',
  'backup.restore.currentHint':
    'Pour le remplacer, tapez à nouveau sa phrase secrète. Une sauvegarde en est d’abord gardée sur cet ordinateur (Sauvegardes, « Gardées avant une restauration »).',
  'backup.restore.wrongCurrent': 'Ce n’est pas la phrase secrète du fichier clients ouvert.',
  'backup.restore.keptReplaced': 'Le fichier remplacé a été gardé : {name}',
  'backup.kept.title': 'Gardées avant une restauration',
  'backup.kept.body':
    'Chaque restauration garde d’abord une sauvegarde du fichier qu’elle remplace (les trois plus récentes). Enregistrez-en une copie, puis restaurez-la pour annuler une restauration ; elle s’ouvre avec la phrase secrète qu’avait ce fichier.',
  'backup.kept.item': {
    one: '{date} : {count} client',
    other: '{date} : {count} clients',
  },
  'backup.kept.save': 'Enregistrer une copie…',
  'backup.kept.saved': 'Copie enregistrée',
  'backup.restore.back': 'Retour',
  'backup.restore.cancel': 'Annuler',
  'backup.close': 'Fermer',
  'vault.restoreInstead': 'Restaurer plutôt une sauvegarde',
};
