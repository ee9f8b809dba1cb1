/**
 * Tells the person at the spreadsheet what a run did: a toast in the corner of the sheet (nobody
 * sees it when a trigger runs at night, so it goes to the execution log as well).
 */
export function notify(message: string, title = 'Rapport', spreadsheet = SpreadsheetApp.getActiveSpreadsheet()) {
  console.log(`${title}: ${message}`);
  spreadsheet.toast(message, title, 15);
}
