/** The spreadsheet's menus and dialogs (only where a person runs the script from the sheet). */

export function addRapportMenu(items: readonly ([label: string, functionName: string] | null)[], asAddOn = false): void {
  const ui = SpreadsheetApp.getUi();
  const menu = asAddOn ? ui.createAddonMenu() : ui.createMenu('Rapport');
  for (const item of items) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}

export function tell(message: string, title?: string): void {
  const ui = SpreadsheetApp.getUi();
  if (title === undefined) ui.alert(message);
  else ui.alert(title, message, ui.ButtonSet.OK);
}

/** A page the web app answers with (the result of a link clicked in an email). */
export const htmlPage = (html: string, title: string) => HtmlService.createHtmlOutput(html).setTitle(title);

/** A sidebar beside the sheet (300 px wide in Google Sheets). */
export function showSidebar(html: string, title: string): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput(html).setTitle(title));
}
