/**
 * Generates venues in the seats.io chart format: the demo hall and the large venues the benchmarks need.
 * Sections are laid out in a grid facing the stage, rows curve around it, seats are spaced 24 units apart.
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
