import { describe, expect, it } from 'vitest';
import { readTab } from '../../extension/messaging/read-tab';

describe('readTab', () => {
  it('injects only the page reader when the page needs nothing more', async () => {
    const injected: string[] = [];
    const result = await readTab(async (file) => {
      injected.push(file);
      return { candidates: [], needs: [] };
    });
    expect(injected).toEqual(['/capture.js']);
    expect(result).toEqual({ candidates: [], needs: [] });
  });

  it('injects the microformats parser and reads again when the page has h-card markup', async () => {
    const injected: string[] = [];
    let parserLoaded = false;
    const result = await readTab(async (file) => {
      injected.push(file);
      if (file === '/microformats.js') parserLoaded = true;
      return file === '/capture.js' ? { candidates: parserLoaded ? ['card'] : [], needs: parserLoaded ? [] : ['microformats'] } : undefined;
    });
    expect(injected).toEqual(['/capture.js', '/microformats.js', '/capture.js']);
    expect(result).toEqual({ candidates: ['card'], needs: [] });
  });

  it('keeps the first reading when the parser cannot be injected', async () => {
    const result = await readTab(async (file) => {
      if (file === '/microformats.js') throw new Error('Cannot access contents of the page');
      return { candidates: ['link'], needs: ['microformats'] };
    });
    expect(result).toEqual({ candidates: ['link'], needs: ['microformats'] });
  });
});
