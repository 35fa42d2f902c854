import type { AbstractBookableObject, BookableObject, CategoryToJSON, GeneralAdmissionArea } from '@seatsio/seatsio-types';
import type { Category, ChartObject } from '../../contracts/chart';
import { HELD } from '../../contracts/statuses';
import type { PriceBook } from '../buyer/format';
import { statusOf, type LiveState } from '../seating-chart/live-state';

/*
 * Places as seats.io's renderer hands them to an integrator's callbacks (`onObjectSelected`, `listSelectedObjects`,
 * `findObject`): the fields of @seatsio/seatsio-types' objects that Tessera knows, under the same names.
 */

type Provided =
  | 'label'
  | 'labels'
  | 'objectType'
  | 'status'
  | 'selected'
  | 'selectedTicketType'
  | 'category'
  | 'pricing'
  | 'accessible'
  | 'restrictedView'
  | 'companionSeat'
  | 'forSale'
  | 'extraData'
  | 'select'
  | 'deselect';

/** A place as chart.js describes it: seats.io's fields that Tessera has, and a centre; standing areas with counts. */
export type EmbeddedObject = Pick<AbstractBookableObject, Provided> &
  Partial<Pick<GeneralAdmissionArea, 'numSelected' | 'numFree' | 'capacity' | 'numBooked'>> & { center: { x: number; y: number } };

const OBJECT_TYPES = { seat: 'Seat', table: 'Table', booth: 'Booth', generalAdmission: 'GeneralAdmissionArea' } as const;

export type ObjectContext = {
  categories: ReadonlyMap<string, Category>;
  prices: PriceBook;
  state: LiveState | null;
  /** What this browser holds: label → places. */
  selection: ReadonlyMap<string, number>;
  select: (label: string, amount?: number) => Promise<void>;
  deselect: (label: string) => Promise<void>;
};

function categoryJson(category: Category, prices: PriceBook): CategoryToJSON {
  const price = prices.categoryPrice(String(category.key));
  return {
    key: category.key,
    label: category.label,
    color: category.color,
    accessible: category.accessible,
    pricing: price === undefined ? null : { formattedPrice: price },
    isFiltered: false,
  };
}

export function embeddedObject(object: ChartObject, c: ObjectContext): EmbeddedObject {
  const category = c.categories.get(object.categoryKey ?? '');
  const selected = c.selection.get(object.label);
  const status = c.state ? statusOf(c.state, object.label) : 'free';
  const amount = c.prices.amountOf(object);
  const parentLabel = object.parent ? (object.section ? object.parent.label.slice(object.section.length + 1) : object.parent.label) : undefined;
  const live = c.state?.objects.get(object.label);
  const standing =
    object.type === 'generalAdmission'
      ? {
          capacity: object.capacity ?? 0,
          numFree: live?.numFree ?? object.capacity ?? 0,
          numBooked: (object.capacity ?? 0) - (live?.numFree ?? object.capacity ?? 0),
          numSelected: selected ?? 0,
        }
      : {};
  return {
    label: object.label,
    labels: {
      own: object.own,
      displayedLabel: object.label,
      ...(parentLabel !== undefined ? { parent: parentLabel } : {}),
      ...(object.section ? { section: object.section } : {}),
    },
    objectType: OBJECT_TYPES[object.type],
    // The buyer's own hold reads as held, as seats.io reports it; standing areas are free while places are left.
    status: selected !== undefined && object.type !== 'generalAdmission' ? HELD : status,
    selected: selected !== undefined,
    selectedTicketType: undefined,
    ...(category ? { category: categoryJson(category, c.prices) } : {}),
    pricing: amount === undefined ? {} : { price: amount, formattedPrice: c.prices.format(amount) },
    accessible: object.accessible ?? false,
    restrictedView: object.restrictedView ?? false,
    companionSeat: object.companionSeat ?? false,
    forSale: status !== 'notForSale',
    extraData: undefined,
    center: { x: object.x, y: object.y },
    ...standing,
    select: () => c.select(object.label),
    deselect: () => c.deselect(object.label),
  };
}

/** The integrator's callbacks are typed for seats.io's full objects; chart.js gives them the fields it has. */
export const asSeatsioObject = (object: EmbeddedObject) => object as unknown as BookableObject;

/** The places of these labels as seats.io describes them (labels the chart does not have are left out). */
export function objectsOf(objectOf: (label: string) => EmbeddedObject | undefined, labels: string[]): BookableObject[] {
  return labels.flatMap((label) => {
    const object = objectOf(label);
    return object ? [asSeatsioObject(object)] : [];
  });
}
