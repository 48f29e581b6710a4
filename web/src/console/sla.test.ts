// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { SlaClock } from '../api/tickets';
import { ticket } from '../test/fixtures';
import { matches, queryOf } from './queueViews';
import { businessTime, clockState, urgentClock } from './SlaClocks';

const running: SlaClock = {
  dueAt: '2026-11-23T12:00:00Z',
  atRiskAt: '2026-11-23T11:30:00Z',
  remainingSeconds: 600,
  atRisk: false,
  breached: false,
  paused: false,
  stopped: false,
};

describe('SLA clocks', () => {
  it('names each state in words', () => {
    expect(clockState(running)).toBe('on-track');
    expect(clockState({ ...running, atRisk: true })).toBe('at-risk');
    expect(clockState({ ...running, breached: true, remainingSeconds: -60 })).toBe('breached');
    expect(clockState({ ...running, paused: true })).toBe('paused');
    expect(clockState({ ...running, stopped: true })).toBe('met');
    expect(clockState({ ...running, stopped: true, breached: true })).toBe('missed');
  });

  it('picks the clock a queue row shows: breached, then at risk, then the earliest due; never a reached one', () => {
    const later = { ...running, dueAt: '2026-11-23T15:00:00Z' };
    expect(urgentClock(undefined)).toBeNull();
    expect(urgentClock({ applies: true, firstResponse: { ...running, stopped: true } })).toBeNull();
    expect(urgentClock({ applies: true, firstResponse: later, resolution: running })).toBe(running);
    const risky = { ...later, atRisk: true };
    expect(urgentClock({ applies: true, firstResponse: running, resolution: risky })).toBe(risky);
    const late = { ...later, breached: true };
    expect(urgentClock({ applies: true, firstResponse: risky, resolution: late })).toBe(late);
    const paused = { ...running, paused: true, dueAt: '2026-11-23T09:00:00Z' };
    expect(urgentClock({ applies: true, firstResponse: paused, resolution: later })).toBe(later);
  });

  it('writes business time in days, hours and minutes', () => {
    expect(businessTime(0)).toBe('0 min');
    expect(businessTime(30)).toBe('1 min');
    expect(businessTime(-3600)).toBe('1 h');
    expect(businessTime(93_780)).toBe('1 d 2 h 3 min');
  });

  it('judges live whether a ticket belongs to the at-risk and breached views', () => {
    const atRisk = queryOf({ view: 'at-risk' });
    const breached = queryOf({ view: 'breached' });
    const risky = ticket({ sla: { applies: true, resolution: { ...running, atRisk: true } } });
    const late = ticket({ sla: { applies: true, firstResponse: { ...running, atRisk: true, breached: true } } });
    const met = ticket({ sla: { applies: true, firstResponse: { ...running, breached: true, stopped: true } } });

    expect(matches(risky, atRisk, 'me')).toBe(true);
    expect(matches(risky, breached, 'me')).toBe(false);
    expect(matches(late, breached, 'me')).toBe(true);
    expect(matches(late, atRisk, 'me')).toBe(false);
    expect(matches(met, breached, 'me')).toBe(false);
    expect(matches(ticket(), atRisk, 'me')).toBe(false);
  });
});
