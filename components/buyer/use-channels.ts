import { useEffect, useMemo, useState } from 'react';
import type { ChartObject } from '../../contracts/chart';
import type { PublicEvent } from '../../contracts/buyer-api';
import type { BuyerApi } from './buyer-api-client';

/** seats.io's name, in a chart's `channels`, for the places that are in no channel. */
export const NO_CHANNEL = 'NO_CHANNEL';

export type ChannelAccess = {
  /** Whether the buyer may choose the place as far as channels go; undefined when channels change nothing. */
  selectable: ((object: ChartObject) => boolean) | undefined;
  /** The keys to hold with. */
  channelKeys: string[] | undefined;
};

/**
 * What a buyer may choose as far as sales channels go, as seats.io's renderer has it. Without `channels`, every
 * place but those kept for a channel; with them, the places of those channels (their keys fetch the places they
 * unlock), and the places of no channel only if `NO_CHANNEL` is among them. The server refuses a channel's places to
 * any hold without its key; `NO_CHANNEL` only narrows what a page offers.
 */
export function useChannels(api: BuyerApi, event: Pick<PublicEvent, 'key' | 'inChannels'>, named: readonly string[] | undefined): ChannelAccess {
  // An empty list (which seats.io refuses, and chart.js warns of) counts as none.
  const channels = named?.length ? named : undefined;
  const keys = useMemo(() => channels?.filter((k) => k !== NO_CHANNEL), [channels?.join('\u0000')]);
  const [unlocked, setUnlocked] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!keys?.length) return setUnlocked(new Set());
    let current = true;
    void Promise.all(keys.map((key) => api.channelPlaces(event.key, key))).then((outcomes) => {
      // A key the event has no channel for unlocks nothing; the chart works on with the others.
      if (current) setUnlocked(new Set(outcomes.flatMap((o) => (o.ok ? o.value.objects : []))));
    });
    return () => {
      current = false;
    };
  }, [api, event.key, keys]);
  const inChannels = useMemo(() => new Set(event.inChannels ?? []), [event.inChannels?.join('\u0000')]);
  const selectable = useMemo(() => {
    if (!channels) return inChannels.size ? (o: ChartObject) => !inChannels.has(o.label) : undefined;
    const noChannel = channels.includes(NO_CHANNEL);
    return (o: ChartObject) => unlocked.has(o.label) || (noChannel && !inChannels.has(o.label));
  }, [channels !== undefined, channels?.includes(NO_CHANNEL), inChannels, unlocked]);
  return { selectable, channelKeys: keys };
}
