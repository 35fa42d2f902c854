import type { BestAvailableConfig, BestAvailableHeldResult, ConfigChange, SeatingChart, SelectableObject, SelectedAmount } from '@seatsio/seatsio-types';
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { selectedAmounts, unsupportedOptions, type EmbedConfig } from './config';
import { EmbeddedChart, type ChartActions, type ChartHost } from './EmbeddedChart';
import { asSeatsioObject, objectsOf } from './objects';

/*
 * `new seatsio.SeatingChart(config).render()` as seats.io's renderer API has it, drawing Tessera's chart inside the
 * integrator's element. The class is typed against @seatsio/seatsio-types' `SeatingChart`, so the compiler checks
 * that every method and property of seats.io's surface is here; what Tessera does not do rejects (or, for the
 * one synchronous method, returns nothing) with a console warning naming it.
 */

/** seats.io's `chart.state`, which its React wrapper reads before destroying a chart. */
export type ChartState = 'INITIAL' | 'RENDERING' | 'RENDERED' | 'RENDERING_FAILED' | 'DESTROYED';

/** Each unsupported option or method is named once per page, however many charts use it. */
const warned = new Set<string>();
function warnOnce(what: string): void {
  if (warned.has(what)) return;
  warned.add(what);
  console.warn(`Tessera chart.js: ${what} is not supported and is ignored.`);
}

function unsupported<T>(method: string): Promise<T> {
  warnOnce(`${method}()`);
  return Promise.reject(new Error(`${method}() is not supported by Tessera's chart.js`));
}

/** Without a height of its own, the element gets this one (a chart cannot be drawn in no height). */
const DEFAULT_HEIGHT = 'min(75vh, 640px)';

export class TesseraSeatingChart implements SeatingChart {
  /** Read at every callback: seats.io's React wrapper assigns a new config on every render. */
  config: EmbedConfig;
  state: ChartState = 'INITIAL';
  private element: HTMLElement | undefined;
  private root: Root | undefined;
  private actions: ChartActions | undefined;
  private ready: Promise<ChartActions>;
  private settle: { resolve: (actions: ChartActions) => void; reject: (error: Error) => void } | undefined;
  private version = 0;
  private readonly host: ChartHost;
  private readonly css: string;

  /** `server`: the Tessera server chart.js was loaded from; `css`: the chart's styles, put in its shadow root. */
  constructor(config: EmbedConfig, server: string, css: string) {
    this.config = config;
    this.css = css;
    this.ready = this.expectRender();
    this.host = {
      server,
      config: () => this.config,
      rendered: (actions) => {
        this.actions = actions;
        this.state = 'RENDERED';
        this.settle?.resolve(actions);
        void this.trySelectObjects(this.config.selectedObjects ?? []);
        this.config.onChartRendered?.(this);
      },
      failed: (reason) => this.fail(reason),
      changed: (selected, holdToken) => {
        this.field(this.config.selectedObjectsInputName, selected.join(','));
        this.field(this.config.holdTokenInputName, holdToken ?? '');
      },
    };
  }

  private expectRender(): Promise<ChartActions> {
    const ready = new Promise<ChartActions>((resolve, reject) => (this.settle = { resolve, reject }));
    ready.catch(() => undefined); // Methods called before a failed render reject on their own.
    return ready;
  }

  render(): this {
    const container = this.config.container ?? (this.config.divId ? document.getElementById(this.config.divId) : null);
    if (!container) {
      this.fail(`no element ${this.config.divId ? `with id "${this.config.divId}"` : '(give divId or container)'}`);
      return this;
    }
    for (const option of unsupportedOptions(this.config)) warnOnce(option);
    this.state = 'RENDERING';
    const element = document.createElement('div');
    element.setAttribute('data-tessera-chart', '');
    element.style.cssText = `width: 100%; height: ${container.clientHeight >= 200 ? '100%' : DEFAULT_HEIGHT};`;
    // A shadow root keeps the page's styles and the chart's apart; Playwright and DOM queries still reach into it.
    const shadow = element.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = this.css;
    const mount = document.createElement('div');
    mount.style.cssText = 'width: 100%; height: 100%;';
    shadow.append(style, mount);
    container.append(element);
    this.element = element;
    this.root = createRoot(mount);
    this.draw();
    return this;
  }

  /**
   * A hidden form field named `name` holding `value`, beside the chart in the integrator's element (outside the shadow
   * root: only there does the enclosing form submit it), as seats.io's `selectedObjectsInputName` and
   * `holdTokenInputName` ask.
   */
  private field(name: string | undefined, value: string): void {
    if (!name || !this.element?.parentElement) return;
    const container = this.element.parentElement;
    let input = [...container.querySelectorAll<HTMLInputElement>(':scope > input[type="hidden"]')].find((i) => i.name === name);
    if (!input) {
      input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      container.append(input);
    }
    input.value = value;
  }

  private draw(): void {
    this.root?.render(createElement(EmbeddedChart, { host: this.host, version: this.version }));
  }

  private fail(reason: string): void {
    if (this.state === 'DESTROYED') return;
    this.state = 'RENDERING_FAILED';
    console.error(`Tessera chart.js: ${reason}`);
    this.settle?.reject(new Error(reason));
    this.config.onChartRenderingFailed?.(this);
  }

  destroy(): void {
    this.root?.unmount();
    for (const name of [this.config.selectedObjectsInputName, this.config.holdTokenInputName])
      if (name) this.element?.parentElement?.querySelector(`:scope > input[type="hidden"][name="${CSS.escape(name)}"]`)?.remove();
    this.element?.remove();
    this.root = this.element = this.actions = undefined;
    this.state = 'DESTROYED';
  }

  rerender(): void {
    this.destroy();
    this.ready = this.expectRender();
    this.state = 'INITIAL';
    this.render();
  }

  /** The labels of the selected places. */
  get selectedObjects(): string[] {
    return [...(this.actions?.selection().keys() ?? [])];
  }

  /** The session's hold token; undefined (as in seats.io) until there is one. */
  get holdToken(): string {
    return (this.actions?.holdToken() ?? this.config.holdToken) as string;
  }

  async listSelectedObjects(): Promise<SelectableObject[]> {
    return objectsOf((await this.ready).object, this.selectedObjects);
  }

  async findObject(label: string): Promise<SelectableObject> {
    const object = (await this.ready).object(label);
    if (!object) throw new Error(`Object not found: ${label}`);
    return asSeatsioObject(object);
  }

  async trySelectObjects(objects: (string | SelectedAmount)[]): Promise<void> {
    const actions = await this.ready;
    for (const { label, amount } of selectedAmounts(objects)) await actions.select(label, amount);
  }

  doSelectObjects(objects: (string | SelectedAmount)[]): Promise<void> {
    return this.trySelectObjects(objects);
  }

  async deselectObjects(objects: (string | SelectedAmount)[]): Promise<void> {
    const actions = await this.ready;
    for (const { label } of selectedAmounts(objects)) await actions.deselect(label);
  }

  async clearSelection(): Promise<void> {
    await (await this.ready).clear();
  }

  async holdBestAvailable(config: BestAvailableConfig): Promise<BestAvailableHeldResult> {
    for (const option of ['zone', 'sections', 'accessibleSeats', 'ticketTypes'] as const)
      if (config[option] !== undefined) warnOnce(`holdBestAvailable: ${option}`);
    const actions = await this.ready;
    const labels = await actions.holdBest(config.number ?? 1, (config.categories ?? []).map(String));
    if (!labels) throw new Error(`No ${config.number ?? 1} places found together`);
    return { objects: objectsOf(actions.object, labels), nextToEachOther: true };
  }

  async changeConfig(change: ConfigChange): Promise<void> {
    for (const option of Object.keys(change))
      if (!['pricing', 'maxSelectedObjects', 'extraConfig', 'objectColor', 'objectLabel', 'availableCategories', 'channels'].includes(option))
        warnOnce(`changeConfig: ${option}`);
    this.config = { ...this.config, ...change };
    this.version += 1;
    this.draw();
  }

  async zoomToObjects(labels: string[]): Promise<void> {
    (await this.ready).view.showPlaces(labels);
  }

  async zoomToSelectedObjects(): Promise<void> {
    (await this.ready).view.showPlaces(this.selectedObjects);
  }

  async resetView(): Promise<void> {
    (await this.ready).view.showAll();
  }

  zoomToSection(): [] {
    warnOnce('zoomToSection()');
    return [];
  }

  listCategories = () => unsupported<never>('listCategories');
  listZones = () => unsupported<never>('listZones');
  selectCategories = () => unsupported<void>('selectCategories');
  deselectCategories = () => unsupported<void>('deselectCategories');
  getReportBySelectability = () => unsupported<object>('getReportBySelectability');
  getReportBySelectabilityGroupedBy = () => unsupported<object>('getReportBySelectabilityGroupedBy');
  pulse = () => unsupported<void>('pulse');
  unpulse = () => unsupported<void>('unpulse');
  setSpotlightObjects = () => unsupported<void>('setSpotlightObjects');
  setSpotlightOnSelection = () => unsupported<void>('setSpotlightOnSelection');
  clearSpotlightObjects = () => unsupported<void>('clearSpotlightObjects');
  startNewSession = () => unsupported<void>('startNewSession');
  zoomToFilteredCategories = () => unsupported<void>('zoomToFilteredCategories');
}
