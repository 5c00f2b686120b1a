import type { Page } from '@playwright/test';
import { createFile, unlock } from '../e2e/pages/CustomersScreen';
import { expect, test } from './fixture';

/** What main's vault says, asked through the UI's own bridge. */
async function vaultStatus(ui: Page) {
  return ui.evaluate(async () => {
    const outcome = await window.comptoir.host['vault.status']({});
    return outcome.ok ? (outcome.value as { state: string; remembered: boolean }) : null;
  });
}

test('a remembered device opens by itself until the file is locked; after a lock only the passphrase opens it, across a relaunch', async ({
  desktop,
}) => {
  test.setTimeout(120_000);
  const first = await desktop.launch();
  let ui = await first.ui();
  await createFile(ui);
  await ui.getByRole('button', { name: 'Lock', exact: true }).click();
  await ui.getByLabel('Remember on this device').check();
  await unlock(ui);
  await expect(ui.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();

  // Quit and start again: the keychain opens the file, no passphrase typed.
  await first.close();
  const second = await desktop.launch({ laptop: first.laptop });
  ui = await second.ui();
  await expect(ui.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();

  // Locked by hand: neither a reload of the window nor a relaunch opens it from the keychain.
  await ui.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(ui.getByLabel('Passphrase', { exact: true })).toBeVisible();
  await ui.reload();
  await expect(ui.getByLabel('Passphrase', { exact: true })).toBeVisible();
  expect(await vaultStatus(ui)).toMatchObject({ state: 'locked' });
  await second.close();
  const third = await desktop.launch({ laptop: first.laptop });
  ui = await third.ui();
  await expect(ui.getByLabel('Passphrase', { exact: true })).toBeVisible();
  expect(await vaultStatus(ui)).toMatchObject({ state: 'locked' });
  await expect(ui.getByRole('heading', { name: 'Customers', level: 1 })).toBeHidden();
  await unlock(ui);
  await expect(ui.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
});
