/** The spreadsheet's menus and dialogs (only where a person runs the script from the sheet). */

export function addRapportMenu(items: ([label: string, functionName: string] | null)[]): void {
  const menu = SpreadsheetApp.getUi().createMenu('Rapport');
  for (const item of items) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}

/** Asks for one line of text; null when the person cancels. */
export function askForText(title: string, prompt: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(title, prompt, ui.ButtonSet.OK_CANCEL);
  return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText() : null;
}

export function tell(message: string, title?: string): void {
  const ui = SpreadsheetApp.getUi();
  if (title === undefined) ui.alert(message);
  else ui.alert(title, message, ui.ButtonSet.OK);
}
