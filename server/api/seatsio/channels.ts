import type { z } from 'zod';
import { channelsProblem, type ChannelInput, type ChannelsResult } from '../../booking/channels';
import type { ApiResponse, Router } from '../router';
import type { SeatsioContext } from './context';
import { error, eventNotFound, ok, parse } from './responses';
import * as schemas from './schemas';

/*
 * seats.io's channel calls (`client.events.channels.*`): places set aside for some sellers. A place in a channel is
 * held or booked only by a request naming its key in `channelKeys` (or with `ignoreChannels`); best available
 * passes it by otherwise. A place is in one channel at most.
 */

export function channelInput(c: z.infer<typeof schemas.channelInput>): ChannelInput {
  return { key: c.key, name: c.name, color: c.color ?? null, index: c.index ?? null, objects: c.objects ?? [] };
}

function answer(result: ChannelsResult, eventKey: string): ApiResponse {
  if (result.ok) return ok();
  if (result.reason === 'event_not_found') return eventNotFound(eventKey);
  if (result.reason === 'channel_not_found') return error('NOT_FOUND', channelsProblem(result));
  return error('INVALID_REQUEST', channelsProblem(result));
}

export function channelRoutes(router: Router<SeatsioContext>): void {
  const access = 'secretKey' as const;
  const done = { 204: { description: 'Done' } };
  router
    .on(
      'POST',
      '/events/:key/channels',
      async (req, c) => {
        // One channel or a list: parsed as what it is, so a refusal names the field rather than the union.
        const body = Array.isArray(req.body) ? parse(schemas.addChannelsBody.options[1], req.body) : parse(schemas.channelInput, req.body);
        if (!body.ok) return body.response;
        const inputs = (Array.isArray(body.value) ? body.value : [body.value]).map(channelInput);
        return answer(await c.booking.addChannels(c.workspace.id, req.params.key!, inputs), req.params.key!);
      },
      {
        summary: 'Add one or more channels',
        description: 'Each with a key, a name, an optional colour and index, and its places (labels; a standing area as a whole).',
        access,
        body: schemas.addChannelsBody,
        responses: done,
      },
    )
    .on(
      'POST',
      '/events/:key/channels/replace',
      async (req, c) => {
        const body = parse(schemas.replaceChannelsBody, req.body);
        if (!body.ok) return body.response;
        return answer(await c.booking.replaceChannels(c.workspace.id, req.params.key!, body.value.channels.map(channelInput)), req.params.key!);
      },
      { summary: "Replace the event's channels", access, body: schemas.replaceChannelsBody, responses: done },
    )
    .on(
      'POST',
      '/events/:key/channels/:channelKey',
      async (req, c) => {
        const body = parse(schemas.updateChannelBody, req.body ?? {});
        if (!body.ok) return body.response;
        const { name, color, objects } = body.value;
        const patch = { ...(name !== undefined ? { name } : {}), ...(color !== undefined ? { color } : {}), ...(objects ? { objects } : {}) };
        return answer(await c.booking.updateChannel(c.workspace.id, req.params.key!, req.params.channelKey!, patch), req.params.key!);
      },
      {
        summary: 'Update a channel',
        description: 'Its name, colour, or places (which replace the ones it had).',
        access,
        body: schemas.updateChannelBody,
        responses: done,
      },
    )
    .on(
      'DELETE',
      '/events/:key/channels/:channelKey',
      async (req, c) => answer(await c.booking.removeChannel(c.workspace.id, req.params.key!, req.params.channelKey!), req.params.key!),
      {
        summary: 'Remove a channel',
        description: 'Its places are in no channel afterwards.',
        access,
        responses: done,
      },
    )
    .on(
      'POST',
      '/events/:key/channels/:channelKey/objects',
      async (req, c) => {
        const body = parse(schemas.channelObjectsBody, req.body);
        if (!body.ok) return body.response;
        return answer(
          await c.booking.changeChannelObjects(c.workspace.id, req.params.key!, req.params.channelKey!, { add: body.value.objects }),
          req.params.key!,
        );
      },
      { summary: 'Add places to a channel', access, body: schemas.channelObjectsBody, responses: done },
    )
    .on(
      'DELETE',
      '/events/:key/channels/:channelKey/objects',
      async (req, c) => {
        const body = parse(schemas.channelObjectsBody, req.body);
        if (!body.ok) return body.response;
        return answer(
          await c.booking.changeChannelObjects(c.workspace.id, req.params.key!, req.params.channelKey!, { remove: body.value.objects }),
          req.params.key!,
        );
      },
      { summary: 'Take places out of a channel', access, body: schemas.channelObjectsBody, responses: done },
    );
}
