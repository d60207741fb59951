// File > Open… and File > Export… in the desktop menu: the template is pure, so it is checked here
// (the Electron binary cannot be launched on every machine).
import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate } from '../../../src/main/menu';
import { MENU_COMMANDS, isMenuCommand } from '../../../src/shared/menu-commands';

describe('the application menu', () => {
  it('has File > Open… on CmdOrCtrl+O, which asks for a file', () => {
    const openFile = vi.fn();
    const exportReport = vi.fn();
    const file = appMenuTemplate({ openFile, exportReport }, 'linux').find((item) => item.label === '&File')!;
    const items = file.submenu as Electron.MenuItemConstructorOptions[];
    const open = items.find((item) => item.label === 'Open…')!;
    expect(open.accelerator).toBe('CmdOrCtrl+O');
    (open.click as () => void)();
    expect(openFile).toHaveBeenCalledOnce();
    const exporting = items.find((item) => item.label === 'Export…')!;
    expect(exporting.accelerator).toBe('CmdOrCtrl+E');
    (exporting.click as () => void)();
    expect(exportReport).toHaveBeenCalledOnce();
  });

  it('offers macOS’s Open Recent list on macOS only', () => {
    const roles = (platform: NodeJS.Platform) =>
      (appMenuTemplate({ openFile: () => {}, exportReport: () => {} }, platform)[platform === 'darwin' ? 1 : 0]!.submenu as Electron.MenuItemConstructorOptions[]).map((i) => i.role);
    expect(roles('darwin')).toContain('recentDocuments');
    expect(roles('win32')).not.toContain('recentDocuments');
  });

  it('forwards a fixed set of commands to the page', () => {
    expect(MENU_COMMANDS).toEqual(['menu:open-file', 'menu:export']);
    expect(isMenuCommand('menu:open-file')).toBe(true);
    expect(isMenuCommand('articles:delete')).toBe(false);
  });
});
