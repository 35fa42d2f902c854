import colorNames from 'color-name';
import { z } from 'zod';

/*
 * Category colours reach every buyer's browser (SVG fills, the legend's inline style), so a chart file may only name
 * a colour: `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()`, `hsl()`/`hsla()` with plain numbers, or a CSS
 * colour name. Anything else (`red;background:url(https://…)`) is refused at import.
 */

const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)%?`;
const ARGS = String.raw`\s*${NUMBER}\s*(?:[,\s]\s*${NUMBER}\s*){2}(?:[,/]\s*${NUMBER}\s*)?`;
const FUNCTION = new RegExp(String.raw`^(?:rgba?|hsla?)\(${ARGS}\)$`, 'i');
const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const NAMES = new Set(Object.keys(colorNames));

export function isCssColour(value: string): boolean {
  return HEX.test(value) || FUNCTION.test(value) || NAMES.has(value.toLowerCase()) || value.toLowerCase() === 'transparent';
}

/** A colour buyers' browsers paint with, as the APIs take it. */
export const cssColourSchema = z.string().max(50).refine(isCssColour, 'a CSS colour: #rrggbb, rgb(), hsl() or a colour name');
