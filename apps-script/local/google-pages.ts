/**
 * The pages Google serves instead of a web app's output. A script's exception (and a quota or
 * time-out error) comes back as an HTML page with status 200, titled "Error", its message in a
 * monospace block; a deployment not open to "Anyone" redirects to the Google sign-in page.
 */
import { escapeHtml as escape } from '../../shared/html.ts';

export function googleErrorPage(message: string): string {
  return (
    '<!DOCTYPE html><html><head><link rel="shortcut icon" href="//ssl.gstatic.com/docs/script/images/favicon.ico">' +
    '<title>Error</title><style type="text/css">body {background-color: #fff; margin: 0; padding: 0;}.errorMessage {font-family: Arial,sans-serif; font-size: 12pt; font-weight: bold; line-height: 150%; padding-top: 25px;}</style></head>' +
    '<body style="margin:20px"><div><img alt="Google Apps Script" src="//ssl.gstatic.com/docs/script/images/logo.png"></div>' +
    `<div style="text-align:center;font-family:monospace;margin:50px auto 0;max-width:600px">${escape(message)}</div></body></html>`
  );
}

export function signInPage(): string {
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign in - Google Accounts</title></head>' +
    '<body><form action="https://accounts.google.com/v3/signin/identifier" method="post"><h1>Sign in</h1><p>to continue to Google Apps Script</p>' +
    '<input type="email" name="identifier" aria-label="Email or phone"><button type="submit">Next</button></form></body></html>'
  );
}
