import { describe, expect, it } from 'vitest';
import { BOOKED, FREE, HELD } from '../../contracts/statuses';
import { allocationKey, type GaState } from './general-admission';
import { changeGeneralAdmission, changeSeat, type ChangeIntent, type SeatState } from './status-rules';

const seat = (status: string, holdToken: string | null = null, forSale = true): SeatState => ({
  status,
  holdToken,
  orderId: null,
  ticketType: null,
  extraData: null,
  forSale,
});
const intent = (kind: 'status' | 'release', status: string, token: string | null = null, extra: Partial<ChangeIntent> = {}): ChangeIntent => ({
  kind,
  status,
  token,
  orderId: null,
  ticketType: null,
  extraData: null,
  keepExtraData: false,
  allowedPreviousStatuses: null,
  rejectedPreviousStatuses: null,
  ...extra,
});
const reason = (r: ReturnType<typeof changeSeat> | ReturnType<typeof changeGeneralAdmission>) => (r.ok ? 'ok' : r.reason);

describe('changeSeat', () => {
  it('holds a free seat under the token and books it with the same token', () => {
    const held = changeSeat(seat(FREE), intent('status', HELD, 't1'));
    expect(held.ok && held.next).toMatchObject({ status: HELD, holdToken: 't1' });
    const booked = changeSeat(held.ok ? held.next : seat(FREE), intent('status', BOOKED, 't1', { orderId: 'o1' }));
    expect(booked.ok && booked.next).toMatchObject({ status: BOOKED, holdToken: null, orderId: 'o1' });
  });

  it('refuses a held seat to anyone without its token', () => {
    expect(reason(changeSeat(seat(HELD, 't1'), intent('status', BOOKED, 't2')))).toBe('held_by_other_token');
    expect(reason(changeSeat(seat(HELD, 't1'), intent('status', BOOKED)))).toBe('hold_token_required');
    expect(reason(changeSeat(seat(HELD, 't1'), intent('release', FREE)))).toBe('hold_token_required');
  });

  it('refuses to take a booked or custom-status seat unless that status is explicitly allowed', () => {
    expect(reason(changeSeat(seat(BOOKED), intent('status', BOOKED)))).toBe('already_taken');
    expect(reason(changeSeat(seat('blocked'), intent('status', HELD, 't1')))).toBe('already_taken');
    expect(reason(changeSeat(seat('blocked'), intent('status', BOOKED, null, { allowedPreviousStatuses: ['blocked'] })))).toBe('ok');
    expect(reason(changeSeat(seat(FREE), intent('status', 'vip', null, { rejectedPreviousStatuses: [FREE] })))).toBe('previous_status_rejected');
  });

  it('refuses a booking or release that names a token for a seat the token does not hold', () => {
    expect(reason(changeSeat(seat(FREE), intent('status', BOOKED, 't1')))).toBe('not_held_by_token');
    expect(reason(changeSeat(seat(BOOKED), intent('release', FREE, 't1')))).toBe('not_held_by_token');
  });

  it('refuses seats that are not for sale, and releasing a free seat', () => {
    expect(reason(changeSeat(seat(FREE, null, false), intent('status', HELD, 't1')))).toBe('not_for_sale');
    expect(reason(changeSeat(seat(FREE), intent('release', FREE)))).toBe('already_free');
  });

  it('keeps extra data only when asked to', () => {
    const withData = { ...seat(BOOKED), extraData: '{"a":1}' };
    const kept = changeSeat(withData, intent('release', FREE, null, { keepExtraData: true }));
    const dropped = changeSeat(withData, intent('release', FREE));
    expect([kept.ok && kept.next.extraData, dropped.ok && dropped.next.extraData]).toEqual(['{"a":1}', null]);
  });
});

describe('changeGeneralAdmission', () => {
  const ga = (entries: [string, string | null, number][] = [], capacity = 10): GaState => ({
    capacity,
    allocations: new Map(entries.map(([s, t, q]) => [allocationKey(s, t), q])),
  });

  it('holds places under a token and books them with it', () => {
    const held = changeGeneralAdmission(ga(), intent('status', HELD, 't1'), 4);
    if (!held.ok) throw new Error(held.reason);
    const booked = changeGeneralAdmission(held.next, intent('status', BOOKED, 't1'), 3);
    if (!booked.ok) throw new Error(booked.reason);
    expect(Object.fromEntries(booked.next.allocations)).toEqual({ [allocationKey(HELD, 't1')]: 1, [allocationKey(BOOKED, null)]: 3 });
  });

  it('never goes over capacity', () => {
    expect(reason(changeGeneralAdmission(ga([[BOOKED, null, 8]]), intent('status', BOOKED), 3))).toBe('insufficient_capacity');
    expect(reason(changeGeneralAdmission(ga([[BOOKED, null, 8]]), intent('status', BOOKED), 2))).toBe('ok');
  });

  it('books with a token only what that token holds, and releases only what exists', () => {
    expect(reason(changeGeneralAdmission(ga([[HELD, 't1', 1]]), intent('status', BOOKED, 't1'), 2))).toBe('not_held_by_token');
    expect(reason(changeGeneralAdmission(ga([[BOOKED, null, 1]]), intent('release', FREE), 2))).toBe('already_free');
  });
});
