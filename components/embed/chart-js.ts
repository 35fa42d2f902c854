import type { Seatsio } from '@seatsio/seatsio-types';
import type { EmbedConfig } from './config';
import { TesseraSeatingChart } from './seating-chart';

/*
 * The entry of `/chart.js` (scripts/build-chart-js.mjs bundles it): defines `window.seatsio` as seats.io's renderer
 * script does, drawing charts of the Tessera server this script was loaded from.
 */

/** The chart's styles, put in each chart's shadow root; the build defines it. */
declare const TESSERA_CHART_CSS: string;

// Known only while the script runs: the server it came from, which the chart talks to.
const source = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : location.href;
const server = new URL(source).origin;

class SeatingChartOfThisServer extends TesseraSeatingChart {
  constructor(config: EmbedConfig) {
    super(config, server, TESSERA_CHART_CSS);
  }
}

const api: Pick<Seatsio, 'SeatingChart'> = { SeatingChart: SeatingChartOfThisServer };
(window as unknown as { seatsio: typeof api }).seatsio = api;
