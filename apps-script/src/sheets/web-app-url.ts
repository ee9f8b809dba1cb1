/**
 * The web app's /exec URL for links in mail: the one set in the Settings tab, else the current
 * deployment's (null when the script is not deployed as a web app).
 */
export function webAppUrl(configured: string): string | null {
  if (configured) return configured.replace(/\/+$/, '');
  try {
    const url = ScriptApp.getService().getUrl();
    return url ? url : null;
  } catch {
    return null;
  }
}
