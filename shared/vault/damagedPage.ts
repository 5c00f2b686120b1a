/**
 * Why a page is reported: it failed authentication (`unreadable`), or the file's sealed manifest
 * (shared/vault/pageManifest) lists an other copy of it (`outdated`: an older one, a rollback;
 * `altered`), or it is listed and absent (`missing`: `count` is the manifest's), or present and
 * not listed (`unexpected`); `manifest`: the manifest itself did not open or was removed.
 */
export type DamageReason =
  'unreadable' | 'outdated' | 'altered' | 'missing' | 'unexpected' | 'manifest';

export interface DamagedPage {
  pageId: string;
  count: number;
  /** Absent: unreadable. */
  reason?: DamageReason;
}
