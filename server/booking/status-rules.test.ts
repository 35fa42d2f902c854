import { describe, expect, it } from 'vitest';
import { BOOKED, FREE, HELD } from '../../contracts/statuses';
import fc from 'fast-check';
import { allocationKey, gaCounts, type GaState } from './general-admission';
import { changeGeneralAdmission, changeSeat, type ChangeIntent, type SeatState } from './status-rules';

const seat = (status: string, holdToken: string | null = null, forSale = true): SeatState => ({
  status,
  holdToken,
  orderId: null,
  ticketType: null,
  extraData: null,
  extraDataId: null,
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

  it("keeps an order id passed with a release, and forgets the booking's otherwise", () => {
    const booked = { ...seat(BOOKED), orderId: 'o-1' };
    expect(changeSeat(booked, intent('release', FREE))).toMatchObject({ ok: true, next: { status: FREE, orderId: null } });
    expect(changeSeat(booked, intent('release', FREE, null, { orderId: 'refund-1' }))).toMatchObject({ ok: true, next: { status: FREE, orderId: 'refund-1' } });
  });

  it("lets the venue's release with a token free booked seats too, never a buyer's", () => {
    expect(reason(changeSeat(seat(BOOKED), intent('release', FREE, 't1', { releasesBooked: true })))).toBe('ok');
    expect(reason(changeSeat(seat(BOOKED), intent('release', FREE, 't1')))).toBe('not_held_by_token');
    // Not a custom status, and not someone else's hold.
    expect(reason(changeSeat(seat('blocked'), intent('release', FREE, 't1', { releasesBooked: true })))).toBe('not_held_by_token');
    expect(reason(changeSeat(seat(HELD, 't2'), intent('release', FREE, 't1', { releasesBooked: true })))).toBe('held_by_other_token');
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

  it('keeps a place of a channel the caller does not name from being taken, but not from its holder or a release', () => {
    const outside = { outsideChannel: true };
    expect(reason(changeSeat(seat(FREE), intent('status', HELD, 't1', outside)))).toBe('not_in_channel');
    expect(reason(changeSeat(seat(FREE), intent('status', 'blocked', null, outside)))).toBe('not_in_channel');
    expect(reason(changeSeat(seat(HELD, 't1'), intent('status', BOOKED, 't1', outside)))).toBe('ok');
    expect(reason(changeSeat(seat(BOOKED), intent('release', FREE, null, outside)))).toBe('ok');
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

  it('keeps places of a channel the caller does not name from being taken, but books what the token holds', () => {
    expect(reason(changeGeneralAdmission(ga(), intent('status', HELD, 't1', { outsideChannel: true }), 1))).toBe('not_in_channel');
    expect(reason(changeGeneralAdmission(ga([[HELD, 't1', 2]]), intent('status', BOOKED, 't1', { outsideChannel: true }), 2))).toBe('ok');
  });

  it('never goes over capacity', () => {
    expect(reason(changeGeneralAdmission(ga([[BOOKED, null, 8]]), intent('status', BOOKED), 3))).toBe('insufficient_capacity');
    expect(reason(changeGeneralAdmission(ga([[BOOKED, null, 8]]), intent('status', BOOKED), 2))).toBe('ok');
  });

  it('books with a token only what that token holds, and releases only what exists', () => {
    expect(reason(changeGeneralAdmission(ga([[HELD, 't1', 1]]), intent('status', BOOKED, 't1'), 2))).toBe('not_held_by_token');
    expect(reason(changeGeneralAdmission(ga([[BOOKED, null, 1]]), intent('release', FREE), 2))).toBe('already_free');
  });

  it('releases places in a custom status by quantity, booked ones first, or only the statuses asked for', () => {
    const mixed = ga([
      [BOOKED, null, 2],
      ['blocked', null, 3],
      [HELD, 't1', 1],
    ]);
    const released = changeGeneralAdmission(mixed, intent('release', FREE), 4);
    if (!released.ok) throw new Error(released.reason);
    expect(Object.fromEntries(released.next.allocations)).toEqual({ [allocationKey('blocked', null)]: 1, [allocationKey(HELD, 't1')]: 1 });
    const onlyBlocked = changeGeneralAdmission(mixed, intent('release', FREE, null, { allowedPreviousStatuses: ['blocked'] }), 3);
    expect(onlyBlocked.ok && Object.fromEntries(onlyBlocked.next.allocations)).toEqual({ [allocationKey(BOOKED, null)]: 2, [allocationKey(HELD, 't1')]: 1 });
    // Held places are released only with their token.
    expect(reason(changeGeneralAdmission(mixed, intent('release', FREE), 6))).toBe('already_free');
  });

  it('counts places in a custom status as booked', () => {
    expect(
      gaCounts(
        ga([
          [BOOKED, null, 2],
          ['blocked', null, 3],
          [HELD, 't1', 1],
        ]),
      ),
    ).toMatchObject({ numBooked: 5, numHeld: 1, numFree: 4 });
  });
});

describe('general-admission accounting', () => {
  const tokens = ['t1', 't2'];
  const change = fc
    .record({
      kind: fc.constantFrom('status' as const, 'release' as const),
      status: fc.constantFrom(HELD, BOOKED, 'blocked', 'vip'),
      token: fc.option(fc.constantFrom(...tokens)),
      quantity: fc.integer({ min: 1, max: 8 }),
    })
    // A hold without a token never reaches the rules: the transaction refuses it first (hold_token_required).
    .filter((c) => !(c.kind === 'status' && c.status === HELD && c.token === null));

  it('adds up after any sequence of changes, and everything taken can be released again', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }), (changes) => {
        let state: GaState = { capacity: 20, allocations: new Map() };
        for (const c of changes) {
          const result = changeGeneralAdmission(state, intent(c.kind, c.kind === 'release' ? FREE : c.status, c.token), c.quantity);
          if (result.ok) state = result.next;
          const counts = gaCounts(state);
          expect(counts.numFree).toBeGreaterThanOrEqual(0);
          expect(counts.numFree + counts.numHeld + counts.numBooked).toBe(20);
          expect([...state.allocations.values()].every((q) => q > 0)).toBe(true);
        }
        // Nothing is lost: each token releases what it holds, and a release without a token frees the rest.
        for (const token of tokens) {
          const held = gaCounts(state).heldByToken.get(token);
          if (held) state = (changeGeneralAdmission(state, intent('release', FREE, token), held) as { ok: true; next: GaState }).next;
        }
        const booked = gaCounts(state).numBooked;
        if (booked) {
          const result = changeGeneralAdmission(state, intent('release', FREE), booked);
          expect(result.ok).toBe(true);
          if (result.ok) state = result.next;
        }
        expect(state.allocations.size).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
