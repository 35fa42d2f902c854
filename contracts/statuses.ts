/**
 * The statuses every object knows, as they appear on the wire (API bodies, `objects:changed`, `data-status`).
 * Any other string is a custom status a venue sets (for example `blocked`).
 */
export const FREE = 'free';
export const HELD = 'reservedByToken';
export const BOOKED = 'booked';
/**
 * Places the box office has taken off sale: nobody can hold or book them until they are put back on sale. A status
 * like a custom one (a standing area can have some of its places in it), but reserved: venues cannot name theirs so.
 */
export const NOT_FOR_SALE = 'notForSale';
