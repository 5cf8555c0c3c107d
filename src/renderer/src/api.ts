/** Typed access to the main process through the preload's `window.api`. */
import type { ArgOf, Channel, EventName, Events, ResultOf } from '../../shared/contract'

export function call<K extends Channel>(channel: K, ...arg: ArgOf<K> extends undefined ? [] : [ArgOf<K>]): Promise<ResultOf<K>> {
  return window.api.invoke(channel, arg[0])
}

export function listen<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  return window.api.on(event, listener)
}
