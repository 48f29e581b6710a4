import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ReplyForm } from './ReplyForm';

describe('ReplyForm', () => {
  it('keeps what the user typed while the previous reply was being sent', async () => {
    let finish: () => void = () => undefined;
    const sent: string[] = [];
    render(
      <ReplyForm
        allowInternal={false}
        send={(body) => {
          sent.push(body);
          return new Promise<void>((resolve) => {
            finish = resolve;
          });
        }}
      />,
    );
    const box = screen.getByLabelText('Your reply');

    await userEvent.type(box, 'First');
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    expect(screen.getByRole('button', { name: 'Sending…' })).toBeDisabled();
    await userEvent.type(box, ' and more');
    finish();

    await screen.findByRole('button', { name: 'Send reply' });
    expect(sent).toEqual(['First']);
    expect(box).toHaveValue('First and more');
  });

  it('empties the box once the reply is sent, and offers no internal notes to customers', async () => {
    render(<ReplyForm allowInternal={false} send={async () => undefined} />);

    await userEvent.type(screen.getByLabelText('Your reply'), 'Thanks!');
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));

    await screen.findByRole('button', { name: 'Send reply' });
    expect(screen.getByLabelText('Your reply')).toHaveValue('');
    expect(screen.queryByRole('radio')).toBeNull();
  });

  it('keeps the text and says why when sending fails', async () => {
    render(<ReplyForm allowInternal send={() => Promise.reject(new TypeError('Failed to fetch'))} />);

    await userEvent.click(screen.getByRole('radio', { name: 'Internal note' }));
    await userEvent.type(screen.getByLabelText('Internal note (only agents see it)'), 'Check the logs');
    await userEvent.click(screen.getByRole('button', { name: 'Send internal note' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Deskflow cannot be reached');
    expect(screen.getByLabelText('Internal note (only agents see it)')).toHaveValue('Check the logs');
  });
});
