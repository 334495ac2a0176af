import { createTheme, Drawer, type MantineThemeOverride, Modal } from '@mantine/core';

/**
 * Mantine's defaults with a darker primary shade, so that white text on buttons keeps a 4.5:1 contrast; the close
 * button of every dialog and drawer named, in the console's language, unless the dialog names it better.
 */
export function consoleTheme(closeLabel: string): MantineThemeOverride {
  return createTheme({
    primaryColor: 'blue',
    primaryShade: 8,
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
    },
  });
}
