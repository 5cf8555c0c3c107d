import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createHandlers, type Host } from '../../src/backend/handlers'
import { dispatch, InvalidArgument } from '../../src/backend/validate'
import { Store } from '../../src/core/store/store'
import type { IngestProgress } from '../../src/shared/contract'
import { SEEDS, tempDir } from '../helpers/paths'

function setup(choose: string[] | null = null) {
  const store = Store.open(path.join(tempDir(), 'ws.sqlite'))
  const progress: IngestProgress[] = []
  const host: Host = {
    choosePaths: async () => choose,
    chooseSavePath: async () => null,
    chooseWorkspace: async () => null,
    samplesDir: null,
    emit: (event, payload) => {
      if (event === 'ingest:progress') progress.push(payload as IngestProgress)
    }
  }
  return { store, progress, handlers: createHandlers({ store, host }) }
}

describe('backend handlers', () => {
  it('imports through the host dialog, reports progress, and lists the reports', async () => {
    const { store, progress, handlers } = setup([path.join(SEEDS, '001.txt'), path.join(SEEDS, '003.ruled.pdf')])
    const result = (await dispatch(handlers, 'ingest:choose', { folder: false })) as Awaited<ReturnType<typeof handlers['ingest:choose']>>
    expect(result!.counts.ok).toBe(2)
    expect(progress.at(-1)).toMatchObject({ done: 2, total: 2 })
    expect(progress.map((p) => p.current)).toContain('003.ruled.pdf')
    const list = await handlers['reports:list']()
    expect(list.map((r) => [r.agency, r.year, r.cellsRead, r.cellsTotal])).toEqual([
      ['辉县市人民政府', 2023, 200, 200],
      ['鲁山县人民政府办公室', 2021, 200, 200]
    ])
    // The results cross IPC by structured clone: nothing in them may be unclonable.
    expect(structuredClone(list)).toEqual(list)
    expect(await handlers['workspace:info']()).toMatchObject({ reports: 2, documents: 2, stale: 0 })
    store.close()
  })

  it('reads again, in place, the reports an older version read', async () => {
    const { store, progress, handlers } = setup([path.join(SEEDS, '001.txt'), path.join(SEEDS, '003.ruled.pdf')])
    await dispatch(handlers, 'ingest:choose', { folder: false })
    const ids = (await handlers['reports:list']()).map((r) => r.id)
    store.db.prepare('UPDATE reports SET extractor_version = 1 WHERE id = ?').run(ids[1])
    expect((await handlers['workspace:info']()).stale).toBe(1)
    progress.length = 0
    const result = (await dispatch(handlers, 'ingest:reread', undefined)) as Awaited<ReturnType<(typeof handlers)['ingest:reread']>>
    expect(result.reread).toEqual({ reread: 1, kept: 0 })
    expect(result.items.map((i) => [i.fileName, i.status, i.reportId])).toEqual([['003.ruled.pdf', 'ok', ids[1]]])
    expect(result.items[0].message).toMatch(/^已重新读取：鲁山县人民政府办公室 2021 年/)
    expect(progress.at(-1)).toMatchObject({ done: 1, total: 1, current: '003.ruled.pdf' })
    expect(structuredClone(result)).toEqual(result)
    expect((await handlers['workspace:info']()).stale).toBe(0)
    expect((await handlers['reports:list']()).map((r) => r.id)).toEqual(ids)
    store.close()
  })

  it('returns null when the dialog is cancelled', async () => {
    const { store, handlers } = setup(null)
    expect(await handlers['ingest:choose']({ folder: true })).toBeNull()
    store.close()
  })

  it('validates every argument before a handler runs', async () => {
    const { store, handlers } = setup()
    await expect(dispatch(handlers, 'ingest:paths', { paths: [] })).rejects.toThrow(InvalidArgument)
    await expect(dispatch(handlers, 'ingest:paths', { paths: [42] })).rejects.toThrow(/路径必须是非空字符串/)
    await expect(dispatch(handlers, 'ingest:paths', 'C:\\')).rejects.toThrow(InvalidArgument)
    await expect(dispatch(handlers, 'ingest:choose', { folder: 'yes' })).rejects.toThrow(InvalidArgument)
    await expect(dispatch(handlers, 'reports:list', { evil: true })).rejects.toThrow(/不接受参数/)
    await expect(dispatch(handlers, 'fs:delete' as never, {})).rejects.toThrow(/未知的通道/)
    await expect(dispatch(handlers, 'report:identity', { id: 1, agency: '某局', year: '2023' })).rejects.toThrow(/year 必须是整数/)
    await expect(dispatch(handlers, 'report:identity', { id: 1, agency: 7, year: 2023 })).rejects.toThrow(/agency 必须是/)
    await expect(dispatch(handlers, 'report:identity', { id: 1, year: 2023 })).rejects.toThrow(InvalidArgument)
    store.close()
  })
})
