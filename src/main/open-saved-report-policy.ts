/** Only a finished, saved HTML report is opened (as a local file, in the system browser). */
export function shouldOpenSavedReport(state: string, savePath: string): boolean {
  return state === 'completed' && /\.html?$/i.test(savePath);
}
