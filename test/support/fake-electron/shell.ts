/** `shell.openExternal`: records the URLs handed to the OS. */

export const shell = {
  opened: [] as string[],

  openExternal(url: string): Promise<void> {
    shell.opened.push(url);
    return Promise.resolve();
  },

  reset(): void {
    shell.opened.length = 0;
  },
};
