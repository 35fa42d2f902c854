/**
 * The statuses every object knows, as they appear on the wire (API bodies, `objects:changed`, `data-status`).
 * Any other string is a custom status a venue sets (for example `blocked`).
 */
export const FREE = 'free';
export const HELD = 'reservedByToken';
export const BOOKED = 'booked';
