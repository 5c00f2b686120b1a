import type Dexie from 'dexie';

/** Version 1 (released): customers in clear, one row each. Never edit; add v2 instead. */
export function applyV1(db: Dexie): void {
  db.version(1).stores({
    customers: 'id, updatedAt',
  });
}
