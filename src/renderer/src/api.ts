/** Typed access to the main process through the preload's `window.api`. */
import { useCallback, useState } from 'react'
import type { ArgOf, Channel, EventName, Events, ResultOf } from '../../shared/contract'

export function call<K extends Channel>(channel: K, ...arg: ArgOf<K> extends undefined ? [] : [ArgOf<K>]): Promise<ResultOf<K>> {
  return window.api.invoke(channel, arg[0])
}

export function listen<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  return window.api.on(event, listener)
}

/** File-system paths of dropped files (the preload resolves them; empty elsewhere). */
export function pathsOf(files: File[]): string[] {
  return window.api.pathsOf(files)
}

/** The message of an error thrown across IPC, without Electron's "Error invoking remote method" prefix. */
export function errorText(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e)
  return m.replace(/^Error invoking remote method '[^']+': (?:Error: )?/, '')
}

/**
 * A dialog's save: busy while it runs; the server's reason kept for the dialog to show (so the
 * auditor can correct the entry), cleared by the next try or by `clear` when the dialog opens.
 */
export function useSaving(): { saving: boolean; error: string | null; clear: () => void; run: (work: () => Promise<void>) => Promise<void> } {
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const clear = useCallback(() => setError(null), [])
  const run = async (work: () => Promise<void>) => {
    setSaving(true)
    setError(null)
    try {
      await work()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setSaving(false)
    }
  }
  return { saving, error, clear, run }
}
