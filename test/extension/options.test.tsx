import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../extension/ui/ConnectForm';
import { ConnectForm } from '../../extension/ui/ConnectForm';
import { createI18n } from '../../extension/ui/i18n';
import { setupLink } from '../../shared/setup-link';

afterEach(cleanup);

const i18n = createI18n('en', 'en-GB');

describe('connecting to the team’s sheet (options and welcome page)', () => {
  it('takes the one-line set-up link the Team members sidebar gives: URL and token in their fields, then saved once tested', async () => {
    const saved: Connection[] = [];
    render(<ConnectForm i18n={i18n} check={async () => ({ ok: true, member: 'bo@team.test' })} save={async (c) => void saved.push(c)} onConnected={() => {}} />);
    const link = document.querySelector<HTMLInputElement>('input[name=setupLink]')!;
    fireEvent.input(link, { target: { value: setupLink('https://script.google.com/macros/s/AKfy/exec', '0a1b2c3d') } });
    const [url, token] = ['syncUrl', 'syncToken'].map((name) => document.querySelector<HTMLInputElement>(`input[name=${name}]`)!);
    await waitFor(() => expect(token!.value).toBe('0a1b2c3d'));
    expect(url!.value).toBe('https://script.google.com/macros/s/AKfy/exec');
    fireEvent.submit(url!.form!);
    await waitFor(() => expect(saved).toEqual([{ url: 'https://script.google.com/macros/s/AKfy/exec', token: '0a1b2c3d', member: 'bo@team.test' }]));
  });

  it('says a withdrawn token was withdrawn, and saves nothing', async () => {
    const saved: Connection[] = [];
    render(<ConnectForm i18n={i18n} initial={{ url: 'https://script.google.com/macros/s/AKfy/exec', token: 'old' }} check={async () => ({ ok: false, code: 'revoked' })} save={async (c) => void saved.push(c)} onConnected={() => {}} />);
    fireEvent.submit(document.querySelector('form')!);
    await waitFor(() => expect(screen.getByTestId('connection').textContent).toContain('withdrew your token'));
    expect(saved).toEqual([]);
  });
});
