import { createFile } from '../e2e/pages/CustomersScreen';
import { expect, test } from './fixture';

test('the desktop app creates its file in the twin', async ({ desktop }) => {
  const twin = await desktop.launch();
  const ui = await twin.ui();
  await expect(ui.getByRole('heading', { level: 1 })).toBeVisible();
  await createFile(ui);
  await expect(ui.getByText(/· desktop$/)).toBeVisible();
});
