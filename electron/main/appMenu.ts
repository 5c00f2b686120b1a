import type { MenuItemConstructorOptions } from 'electron';

/** What a user of the packaged app may do from the menu: no reload, no developer tools. */
export function packagedMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  // Undo, cut, copy, paste... in the menu: on macOS a text field's shortcuts work only there.
  const edit: MenuItemConstructorOptions = {
    role: 'editMenu',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'delete' },
      sep,
      { role: 'selectAll' },
    ],
  };
  if (platform === 'darwin') {
    return [
      {
        role: 'appMenu',
        submenu: [
          { role: 'about' },
          sep,
          { role: 'services' },
          sep,
          { role: 'hide' },
          { role: 'hideOthers' },
          { role: 'unhide' },
          sep,
          { role: 'quit' },
        ],
      },
      edit,
      {
        role: 'windowMenu',
        submenu: [{ role: 'minimize' }, { role: 'zoom' }, sep, { role: 'front' }],
      },
    ];
  }
  return [
    { role: 'fileMenu', submenu: [{ role: 'quit' }] },
    edit,
    { role: 'windowMenu', submenu: [{ role: 'minimize' }, { role: 'close' }] },
  ];
}
