// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ticket } from '../test/fixtures';
import { differences } from './differences';

describe('differences', () => {
  it('lists each changed field in words', () => {
    const before = ticket();
    const after = ticket({
      status: 'PENDING',
      priority: 'URGENT',
      assigneeId: 'agent-2',
      category: 'Network',
      version: 3,
    });

    expect(differences(before, after, 'agent-1')).toEqual([
      { field: 'Status', from: 'Open', to: 'Pending' },
      { field: 'Priority', from: 'Normal', to: 'Urgent' },
      { field: 'Category', from: 'none', to: 'Network' },
      { field: 'Assignee', from: 'nobody', to: 'another agent' },
    ]);
  });

  it('names the reader as "you" and sees a reassignment between two others', () => {
    expect(differences(ticket({ assigneeId: 'agent-1' }), ticket(), 'agent-1')).toEqual([
      { field: 'Assignee', from: 'you', to: 'nobody' },
    ]);
    expect(differences(ticket({ assigneeId: 'agent-2' }), ticket({ assigneeId: 'agent-3' }), 'agent-1')).toEqual([
      { field: 'Assignee', from: 'another agent', to: 'another agent' },
    ]);
  });

  it('is empty when only the version moved', () => {
    expect(differences(ticket(), ticket({ version: 2, updatedAt: '2026-11-23T11:00:00Z' }), 'agent-1')).toEqual([]);
  });
});
