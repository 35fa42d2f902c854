/**
 * Generates venues in the seats.io chart format: the demo hall (sections in a grid facing the stage, rows curving
 * around it) and large venues (a bowl of sections in tiers around a stage), seats 24 units apart.
 */

type VenueOptions = {
  name: string;
  sections: number;
  rowsPerSection: number;
  seatsPerRow: number;
  tables?: number;
  seatsPerTable?: number;
  booths?: number;
  gaCapacity?: number;
};

const SEAT_SPACING = 24;
const ROW_SPACING = 26;
const SECTION_GAP = 90;
/** Room inside a section's outline for the row labels at both ends of each row. */
const LABEL_MARGIN = 32;
/** How far the middle of a row bulges towards the stage. */
const CURVE_DEPTH = 24;

/**
 * The default palette: rose, blue and amber stay apart from each other and from the grey of unavailable places
 * under protanopia, deuteranopia and tritanopia (palette.test.ts checks a distance floor under each, and
 * e2e/colour-vision.spec.ts the pixels Chromium draws); the orange and green used before did not.
 */
const CATEGORIES = [
  { key: 1, label: 'Premium', color: '#be123c', accessible: false },
  { key: 2, label: 'Standard', color: '#1d4ed8', accessible: false },
  { key: 3, label: 'Value', color: '#d97706', accessible: false },
];

function sectionName(index: number): string {
  let name = '';
  let n = index;
  do {
    name = String.fromCharCode(65 + (n % 26)) + name;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return name;
}

/** Row labels A..Z, then AA, AB, … */
const rowName = sectionName;

const round = (n: number) => Math.round(n * 100) / 100;

function generateVenue(options: VenueOptions): Record<string, unknown> {
  const columns = Math.max(1, Math.min(options.sections, Math.ceil(Math.sqrt(options.sections))));
  const sectionWidth = options.seatsPerRow * SEAT_SPACING;
  const sectionHeight = options.rowsPerSection * ROW_SPACING;
  const totalWidth = columns * sectionWidth + (columns - 1) * SECTION_GAP;
  const stageHeight = 120;
  const top = stageHeight + 120;
  const focalPoint = { x: totalWidth / 2, y: stageHeight / 2 };

  const sections = Array.from({ length: options.sections }, (_, index) => {
    const column = index % columns;
    const gridRow = Math.floor(index / columns);
    const left = column * (sectionWidth + SECTION_GAP);
    const sectionTop = top + gridRow * (sectionHeight + CURVE_DEPTH + SECTION_GAP);
    // Nearer sections are dearer.
    const categoryKey = CATEGORIES[Math.min(gridRow, CATEGORIES.length - 1)]!.key;
    const rows = Array.from({ length: options.rowsPerSection }, (_, r) => {
      const seats = Array.from({ length: options.seatsPerRow }, (_, s) => {
        const x = left + SEAT_SPACING / 2 + s * SEAT_SPACING;
        // Rows curve around the stage: seats further to the side sit closer to the front.
        const offset = (x - totalWidth / 2) / (totalWidth / 2);
        const y = sectionTop + ROW_SPACING / 2 + r * ROW_SPACING + CURVE_DEPTH * (1 - offset * offset);
        const aisleSeat = s === 0 || s === options.seatsPerRow - 1;
        return {
          label: String(s + 1),
          x: round(x),
          y: round(y),
          categoryKey,
          accessible: r === options.rowsPerSection - 1 && aisleSeat,
          companionSeat: r === options.rowsPerSection - 1 && (s === 1 || s === options.seatsPerRow - 2),
          restrictedView: r === 0 && (s < 2 || s >= options.seatsPerRow - 2) && gridRow === 0,
        };
      });
      return { label: rowName(r), seats };
    });
    return {
      label: `Section ${sectionName(index)}`,
      categoryKey,
      topLeft: { x: 0, y: 0 },
      points: [
        { x: left - LABEL_MARGIN, y: sectionTop - 6 },
        { x: left + sectionWidth + LABEL_MARGIN, y: sectionTop - 6 },
        { x: left + sectionWidth + LABEL_MARGIN, y: sectionTop + sectionHeight + CURVE_DEPTH + 6 },
        { x: left - LABEL_MARGIN, y: sectionTop + sectionHeight + CURVE_DEPTH + 6 },
      ],
      subChart: { rows, tables: [], booths: [], generalAdmissionAreas: [] },
    };
  });
  const gridRows = Math.ceil(options.sections / columns);
  let bottom = top + gridRows * (sectionHeight + CURVE_DEPTH + SECTION_GAP);

  const tables = Array.from({ length: options.tables ?? 0 }, (_, t) => {
    const perTable = options.seatsPerTable ?? 8;
    const center = { x: 80 + t * 130, y: bottom + 70 };
    const radius = 30;
    return {
      label: `T${t + 1}`,
      center,
      radius,
      type: 'round',
      // Every other table is sold as a whole, like the VIP tables of a gala.
      bookAsAWhole: t % 2 === 1,
      categoryKey: CATEGORIES[0]!.key,
      seats: Array.from({ length: perTable }, (_, s) => {
        const angle = (2 * Math.PI * s) / perTable - Math.PI / 2;
        return {
          label: String(s + 1),
          x: round(center.x + Math.cos(angle) * (radius + 16)),
          y: round(center.y + Math.sin(angle) * (radius + 16)),
          categoryKey: CATEGORIES[0]!.key,
        };
      }),
    };
  });
  if (tables.length) bottom += 160;

  const booths = Array.from({ length: options.booths ?? 0 }, (_, b) => ({
    label: `B${b + 1}`,
    center: { x: 40 + b * 70, y: bottom + 30 },
    width: 56,
    height: 40,
    categoryKey: CATEGORIES[1]!.key,
  }));
  if (booths.length) bottom += 90;

  const generalAdmissionAreas = options.gaCapacity
    ? [
        {
          label: 'GA1',
          capacity: options.gaCapacity,
          categoryKey: CATEGORIES[2]!.key,
          type: 'rectangle',
          center: { x: totalWidth / 2, y: bottom + 70 },
          width: Math.min(totalWidth, 600),
          height: 120,
        },
      ]
    : [];
  if (generalAdmissionAreas.length) bottom += 160;

  return {
    name: options.name,
    categories: { list: CATEGORIES },
    subChart: {
      width: round(totalWidth),
      height: round(bottom),
      focalPoint,
      rows: [],
      tables,
      booths,
      generalAdmissionAreas,
      sections,
      shapes: [{ label: 'Stage', smartType: 'stage', center: focalPoint, width: Math.min(totalWidth * 0.6, 900), height: stageHeight * 0.8 }],
    },
  };
}

/** The demo hall seeded on first start: ~2,000 places with every kind of object. */
export function demoHall(): Record<string, unknown> {
  return generateVenue({ name: 'Demo Hall', sections: 4, rowsPerSection: 15, seatsPerRow: 30, tables: 6, seatsPerTable: 8, booths: 8, gaCapacity: 150 });
}

/** A venue with about `seats` seats, in sections of 20 rows of 25. */
export function venueWithSeats(seats: number): Record<string, unknown> {
  const perSection = 500;
  return generateVenue({ name: `Generated venue (${seats} seats)`, sections: Math.max(1, Math.ceil(seats / perSection)), rowsPerSection: 20, seatsPerRow: 25 });
}

/** Seats per row at the middle row of a section of the bowl, and rows per section. */
const BOWL_SEATS_PER_ROW = 25;
const BOWL_ROWS = 20;
/** The bowl surrounds the stage but for the part behind it: 240 degrees, open above the stage. */
const BOWL_FROM = -Math.PI / 6;
const BOWL_TO = (7 * Math.PI) / 6;
/** Between sections (aisles, in chart units) and between tiers. */
const BOWL_AISLE = 60;
const BOWL_TIER_GAP = 140;
const BOWL_FIRST_RADIUS = 420;

type BowlSection = { tier: number; from: number; to: number; inner: number };

/** The sections of a bowl with about `seats` seats: tiers outwards, each split into sections about 25 seats wide. */
function bowlSections(seats: number): BowlSection[] {
  const sections: BowlSection[] = [];
  let total = 0;
  for (let tier = 0, inner = BOWL_FIRST_RADIUS; total < seats; tier++, inner += BOWL_ROWS * ROW_SPACING + BOWL_TIER_GAP) {
    const middle = inner + (BOWL_ROWS * ROW_SPACING) / 2;
    const width = (BOWL_SEATS_PER_ROW * SEAT_SPACING) / middle;
    const aisle = BOWL_AISLE / middle;
    const count = Math.max(1, Math.floor((BOWL_TO - BOWL_FROM + aisle) / (width + aisle)));
    const spare = (BOWL_TO - BOWL_FROM + aisle - count * (width + aisle)) / count;
    for (let i = 0; i < count && total < seats; i++) {
      const from = BOWL_FROM + i * (width + aisle + spare);
      sections.push({ tier, from, to: from + width + spare, inner });
      total += seatsInSection(sections[sections.length - 1]!);
    }
  }
  return sections;
}

/** Seats of each row of a bowl section: rows further out are longer. */
function rowLengths(section: BowlSection): number[] {
  return Array.from({ length: BOWL_ROWS }, (_, r) => Math.max(1, Math.floor(((section.to - section.from) * (section.inner + r * ROW_SPACING)) / SEAT_SPACING)));
}

const seatsInSection = (section: BowlSection) => rowLengths(section).reduce((a, b) => a + b, 0);

/**
 * A large venue as arenas are built: a stage, and around it a bowl of sections in tiers, each section's rows
 * curving around the stage (seats face it), nearer tiers dearer. `seats` seats: the last section is cut short.
 */
export function bowlVenue(seats: number): Record<string, unknown> {
  const sections = bowlSections(seats);
  let left = seats;
  const outer = Math.max(...sections.map((s) => s.inner)) + BOWL_ROWS * ROW_SPACING + LABEL_MARGIN + 40;
  const margin = 60;
  const centre = { x: outer + margin, y: outer * Math.sin(Math.PI / 6) + margin + 40 };
  const at = (angle: number, radius: number) => ({ x: round(centre.x + radius * Math.cos(angle)), y: round(centre.y + radius * Math.sin(angle)) });
  return {
    name: `Generated arena (${seats} seats)`,
    categories: { list: CATEGORIES },
    subChart: {
      width: round(2 * (outer + margin)),
      height: round(centre.y + outer + margin),
      focalPoint: centre,
      rows: [],
      tables: [],
      booths: [],
      generalAdmissionAreas: [],
      sections: sections.map((section, index) => {
        const categoryKey = CATEGORIES[Math.min(section.tier, CATEGORIES.length - 1)]!.key;
        const rows = rowLengths(section).flatMap((full, r) => {
          const length = Math.min(full, left);
          left -= length;
          if (!length) return [];
          const radius = section.inner + ROW_SPACING / 2 + r * ROW_SPACING;
          const step = SEAT_SPACING / radius;
          const start = (section.from + section.to) / 2 - ((length - 1) * step) / 2;
          return [
            {
              label: rowName(r),
              seats: Array.from({ length }, (_, n) => ({
                label: String(n + 1),
                ...at(start + n * step, radius),
                categoryKey,
                accessible: r === BOWL_ROWS - 1 && (n === 0 || n === length - 1),
              })),
            },
          ];
        });
        // The outline: the inner arc one way, the outer arc back, with room for the row names at both ends.
        const margin = LABEL_MARGIN / section.inner;
        const arc = (radius: number) =>
          Array.from({ length: 9 }, (_, k) => at(section.from - margin + ((section.to - section.from + 2 * margin) * k) / 8, radius));
        return {
          label: `Section ${sectionName(index)}`,
          categoryKey,
          topLeft: { x: 0, y: 0 },
          points: [...arc(section.inner - 6), ...arc(section.inner + BOWL_ROWS * ROW_SPACING + 6).reverse()],
          subChart: { rows, tables: [], booths: [], generalAdmissionAreas: [] },
        };
      }),
      shapes: [{ label: 'Stage', smartType: 'stage', center: centre, width: 500, height: 260 }],
    },
  };
}
