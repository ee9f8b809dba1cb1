import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Options } from '../../extension/ui/options/Options';
import { setupLink } from '../../shared/setup-link';

afterEach(cleanup);

describe('the options page', () => {
  it('takes the one-line set-up link from the sheet: the URL goes in its field, the token in its own', async () => {
    const saved: string[][] = [];
    render(
      <Options
        load={async () => ({ url: '', token: '' })}
        save={async (url, token, member) => void saved.push([url, token, member])}
        check={async () => ({ ok: true, member: 'bo@team.test' }) as never}
      />,
    );
    const url = screen.getByLabelText('Sheet web app URL') as HTMLInputElement;
    const token = screen.getByLabelText('Your sync token') as HTMLInputElement;
    await new Promise((resolve) => setTimeout(resolve)); // the saved settings have loaded
    fireEvent.input(url, { target: { value: setupLink('https://script.google.com/macros/s/AKfy/exec', '0a1b2c3d') } });
    await waitFor(() => expect(token.value).toBe('0a1b2c3d'));
    expect(url.value).toBe('https://script.google.com/macros/s/AKfy/exec');
    expect(screen.getByText('The token was filled in from the set-up line.')).toBeTruthy();
    fireEvent.submit(url.form!);
    await waitFor(() => expect(saved).toEqual([['https://script.google.com/macros/s/AKfy/exec', '0a1b2c3d', 'bo@team.test']]));
  });

  it('leaves a plain URL as it is', async () => {
    render(<Options load={async () => ({ url: '', token: 'kept' })} save={async () => {}} check={async () => ({ ok: false, message: 'x' }) as never} />);
    const url = screen.getByLabelText('Sheet web app URL') as HTMLInputElement;
    await waitFor(() => expect((screen.getByLabelText('Your sync token') as HTMLInputElement).value).toBe('kept'));
    fireEvent.input(url, { target: { value: 'https://script.google.com/macros/s/AKfy/exec' } });
    expect((screen.getByLabelText('Your sync token') as HTMLInputElement).value).toBe('kept');
  });
});
