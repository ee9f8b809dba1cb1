/** Runs one of the extension's scripts in the tab and gives back its value. */
export type RunInTab = (file: '/capture.js' | '/microformats.js') => Promise<unknown>;

/**
 * Reads the page with the injected reader, loading only what the page needs: when it reports
 * h-card markup, the microformats parser is injected and the page is read once more.
 */
export async function readTab(run: RunInTab): Promise<unknown> {
  const first = await run('/capture.js');
  const needs = (first as { needs?: unknown } | null)?.needs;
  if (!Array.isArray(needs) || !needs.includes('microformats')) return first;
  try {
    await run('/microformats.js');
  } catch {
    return first;
  }
  return run('/capture.js');
}
