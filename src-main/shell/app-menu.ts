/**
 * The application menu of a release build: editing, zoom and window commands only. Reload and
 * the developer tools are left out (a reload would drop unsaved work; the tools open the page to
 * anyone at the keyboard). Development and test builds keep Electron's default menu.
 */
import type { MenuItemConstructorOptions } from 'electron';

export function releaseMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  ];
}
