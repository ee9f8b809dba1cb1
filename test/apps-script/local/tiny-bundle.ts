/**
 * A hand-written bundle of the same shape as `npm run build:apps-script` makes: an esbuild IIFE
 * under one global plus a top-level forwarding function per entry point.
 */
export const TINY_BUNDLE = String.raw`"use strict";
var Rapport = (() => {
  function logSheet() {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    return spreadsheet.getSheetByName("Log") || spreadsheet.insertSheet("Log");
  }
  function doPost(e) {
    LockService.getScriptLock().waitLock(10000);
    const body = JSON.parse(e.postData.contents);
    if (body.explode) throw new Error("exploded on purpose");
    const sheet = logSheet();
    sheet.appendRow([body.text, new Date()]);
    return ContentService.createTextOutput(JSON.stringify({ ok: true, rows: sheet.getLastRow(), token: e.parameter.token }))
      .setMimeType(ContentService.MimeType.JSON);
  }
  function doGet(e) {
    return ContentService.createTextOutput("hello " + (e.parameter.name || "world"));
  }
  function inspect() {
    const [[text, when]] = logSheet().getRange(1, 1, 1, 2).getValues();
    let error;
    try { logSheet().getRange(0, 1); } catch (caught) { error = caught; }
    return {
      text,
      arrays: logSheet().getDataRange().getValues() instanceof Array,
      dates: when instanceof Date,
      errors: error instanceof Error && error.name === "Exception",
      now: new Date().toISOString(),
      nowMs: Date.now(),
      missing: [typeof setTimeout, typeof fetch, typeof URL, typeof require, typeof process].join(","),
      hasLock: LockService.getScriptLock().tryLock(0),
    };
  }
  function openMenu() {
    SpreadsheetApp.getUi().createMenu("Tiny").addItem("Inspect", "inspect").addToUi();
  }
  function askName() {
    const answer = SpreadsheetApp.getUi().prompt("Your name?");
    return answer.getResponseText();
  }
  return { doPost, doGet, inspect, openMenu, askName };
})();
function doPost() { return Rapport.doPost.apply(this, arguments); }
function doGet() { return Rapport.doGet.apply(this, arguments); }
function inspect() { return Rapport.inspect.apply(this, arguments); }
function onOpen() { return Rapport.openMenu.apply(this, arguments); }
function askName() { return Rapport.askName.apply(this, arguments); }
`;
