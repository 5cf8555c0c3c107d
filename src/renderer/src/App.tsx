/**
 * The application frame: workspace, import (buttons, menu, drag-and-drop) with progress and
 * cancel, the library and the review screen. The route lives in the URL hash so that a reload
 * comes back to the same report.
 */
import { Alert, Button, Card, Group, Loader, Menu, Modal, Progress, Stack, Text, TextInput, Title } from '@mantine/core'
import { useCallback, useEffect, useRef, useState } from 'react'
import { notImportedText, type IngestItemDto, type IngestProgress, type IngestResultDto, type LibraryRowDto, type WorkspaceInfo } from '../../shared/contract'
import { call, errorText, listen, pathsOf } from './api'
import { EMPTY_FILTERS, LibraryView, type LibraryFilters } from './library/LibraryView'
import { ReviewView } from './review/ReviewView'

type Route = { kind: 'library' } | { kind: 'review'; id: number }

function parseHash(): Route {
  const m = /^#\/report\/(\d+)$/.exec(window.location.hash)
  return m ? { kind: 'review', id: Number(m[1]) } : { kind: 'library' }
}

export function App() {
  const [info, setInfo] = useState<WorkspaceInfo | null>(null)
  const [rows, setRows] = useState<LibraryRowDto[] | null>(null)
  const [filters, setFilters] = useState<LibraryFilters>(EMPTY_FILTERS)
  const [route, setRoute] = useState<Route>(parseHash)
  const [progress, setProgress] = useState<IngestProgress | null>(null)
  const [last, setLast] = useState<IngestResultDto | null>(null)
  const [notice, setNotice] = useState<{ color: string; text: string } | null>(null)
  const [naming, setNaming] = useState(false)
  const [dragging, setDragging] = useState(false)

  const refresh = useCallback(async () => {
    const [i, r] = await Promise.all([call('workspace:info'), call('library:list')])
    setInfo(i)
    setRows(r)
  }, [])

  const go = useCallback((r: Route) => {
    window.location.hash = r.kind === 'review' ? `#/report/${r.id}` : '#/'
  }, [])

  // Progress is shown while an import runs: an event that arrives after its result (events and
  // replies travel apart) must not bring the bar back.
  const importing = useRef(false)
  const run = useCallback(
    async (work: () => Promise<IngestResultDto | null>) => {
      setNotice(null)
      importing.current = true
      try {
        const r = await work()
        if (r) setLast(r)
      } catch (e) {
        setNotice({ color: 'red', text: errorText(e) })
      } finally {
        importing.current = false
        setProgress(null)
        await refresh()
      }
    },
    [refresh]
  )
  const importFrom = useCallback((folder: boolean) => run(() => call('ingest:choose', { folder })), [run])

  const saveMemo = useCallback(async (reports: number[] | 'all', format: 'docx' | 'pdf') => {
    setNotice({ color: 'blue', text: '正在生成审查意见…' })
    try {
      const r = await call('memo:save', { reports, format, pending: 'list' })
      setNotice(r ? { color: 'green', text: `已保存：${r.path}（${Math.round(r.bytes / 1024)} KB）` } : null)
    } catch (e) {
      setNotice({ color: 'red', text: errorText(e) })
    }
  }, [])

  useEffect(() => {
    void refresh()
    const onHash = () => setRoute(parseHash())
    window.addEventListener('hashchange', onHash)
    const offs = [
      listen('ingest:progress', (p) => {
        if (importing.current) setProgress(p)
      }),
      listen('menu:import', ({ folder }) => void importFrom(folder)),
      listen('workspace:changed', () => {
        go({ kind: 'library' })
        setLast(null)
        void refresh()
      })
    ]
    return () => {
      window.removeEventListener('hashchange', onHash)
      offs.forEach((off) => off())
    }
  }, [refresh, importFrom, go])

  // Files and folders dropped anywhere on the window are imported.
  const onDrop = (e: React.DragEvent) => {
    e.preventDefault()
    setDragging(false)
    const paths = pathsOf([...e.dataTransfer.files])
    if (paths.length) void run(() => call('ingest:paths', { paths }))
    else setNotice({ color: 'orange', text: '无法取得拖入文件的路径，请使用“导入文件…”' })
  }

  return (
    <div
      className="app"
      onDragOver={(e) => {
        e.preventDefault()
        setDragging(true)
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={onDrop}
    >
      <header className="app-header">
        <Title order={4} className="brand">
          年报审查台
        </Title>
        <Text size="xs" c="dimmed" className="cell-ellipsis" data-testid="workspace" title={info?.file}>
          {info ? `工作区：${info.file.split(/[\\/]/).pop()} · 文件 ${info.documents} · 报告 ${info.reports}` : ''}
        </Text>
        <Group gap={6} ml="auto" wrap="nowrap">
          <Button size="xs" variant="subtle" onClick={() => setNaming(true)} data-testid="reviewer">
            审查人：{info?.reviewer ?? ''}
          </Button>
          <Button size="xs" variant="default" onClick={() => void importFrom(false)} disabled={!!progress}>
            导入文件…
          </Button>
          <Button size="xs" onClick={() => void importFrom(true)} disabled={!!progress} data-testid="import-folder">
            导入文件夹…
          </Button>
          {info && info.stale > 0 && (
            <Button
              size="xs"
              variant="light"
              color="yellow"
              onClick={() => void run(() => call('ingest:reread'))}
              disabled={!!progress}
              title="这些报告由旧版程序读取。重新读取后表格按当前版本提取，审查人的更正、复核结论和批注保留"
              data-testid="reread"
            >
              重新读取（{info.stale} 份）
            </Button>
          )}
          <Menu position="bottom-end">
            <Menu.Target>
              <Button size="xs" variant="light">
                汇总与导出
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void saveMemo('all', 'docx')}>汇总审查意见（Word）…</Menu.Item>
              <Menu.Item onClick={() => void saveMemo('all', 'pdf')}>汇总审查意见（PDF）…</Menu.Item>
              <Menu.Item
                onClick={async () => {
                  try {
                    const r = await call('export:xlsx')
                    if (r) setNotice({ color: 'green', text: `已导出：${r.path}` })
                  } catch (e) {
                    setNotice({ color: 'red', text: errorText(e) })
                  }
                }}
              >
                全部表格与问题（Excel）…
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item onClick={() => void call('workspace:choose', { create: false }).catch((e) => setNotice({ color: 'red', text: errorText(e) }))}>打开其他工作区…</Menu.Item>
              <Menu.Item onClick={() => void call('workspace:choose', { create: true }).catch((e) => setNotice({ color: 'red', text: errorText(e) }))}>新建工作区…</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </header>
      {progress && (
        <Group className="progress-bar" gap="sm" data-testid="ingest-progress">
          <Progress value={progress.total ? (100 * progress.done) / progress.total : 0} w={280} animated />
          <Text size="sm">
            正在导入 {progress.done}/{progress.total} {progress.current ?? ''}
          </Text>
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => void call('ingest:cancel')}>
            取消
          </Button>
        </Group>
      )}
      {notice && (
        <Alert color={notice.color} py={4} mx="sm" mt={4} withCloseButton onClose={() => setNotice(null)} data-testid="notice">
          {notice.text}
        </Alert>
      )}
      {last && route.kind === 'library' && <ImportSummary result={last} onClose={() => setLast(null)} />}
      <main className="app-main">
        {!rows || !info ? (
          <Loader m="xl" />
        ) : route.kind === 'review' ? (
          <ReviewView
            reportId={route.id}
            onBack={() => {
              go({ kind: 'library' })
              void refresh()
            }}
            onOpen={(id) => go({ kind: 'review', id })}
            onMemo={(ids, format) => void saveMemo(ids, format)}
          />
        ) : info.documents === 0 && !progress ? (
          <Welcome info={info} onSample={() => void run(() => call('ingest:sample'))} onImport={() => void importFrom(true)} onOpen={() => void call('workspace:choose', { create: false })} />
        ) : (
          <LibraryView rows={rows} filters={filters} onFilters={setFilters} onOpen={(id) => go({ kind: 'review', id })} onMemo={(ids) => void saveMemo(ids, 'docx')} />
        )}
      </main>
      {dragging && <div className="drop-overlay">松开鼠标以导入这些文件或文件夹</div>}
      <ReviewerModal
        opened={naming}
        current={info?.reviewer ?? ''}
        onClose={() => setNaming(false)}
        onSave={async (name) => {
          setInfo(await call('reviewer:set', { name }))
          setNaming(false)
        }}
      />
    </div>
  )
}

/** What a nameless report's file name says, for the auditor to check on its review page ('' when nothing). */
function namedText(named: IngestItemDto['nameFromFile']): string {
  return named ? `；文件名显示为 ${named.agency ?? '（无机关）'} ${named.year} 年，请在审查页点“待确认”核对` : ''
}

function ImportSummary({ result, onClose }: { result: IngestResultDto; onClose: () => void }) {
  // Files that failed, reports read from a scan's OCR layer (values to check by eye), and
  // reports still without agency and year (to be named on their review page).
  const bad = result.items.filter((i) => i.status === 'error' || i.status === 'needs_ocr' || i.ocrLayer || i.nameless)
  const ocr = result.items.filter((i) => i.ocrLayer).length
  const nameless = result.items.filter((i) => i.nameless).length
  return (
    <Alert color={bad.length ? 'orange' : 'green'} mx="sm" mt={4} py={4} withCloseButton onClose={onClose} data-testid="last-import">
      <Text size="sm">
        {result.reread
          ? `重新读取完成。已按当前版本重新读取 ${result.reread.reread} 份，保留原有结果 ${result.reread.kept} 份（更正、复核结论和批注均已保留）`
          : `${result.cancelled ? '导入已取消。' : '导入完成。'}成功 ${result.counts.ok}，需 OCR ${result.counts.needs_ocr}，错误 ${result.counts.error}，未变（已导入过）${result.counts.skipped}`}
        {notImportedText(result) && `；${notImportedText(result)}`}
        {ocr > 0 && `；其中 ${ocr} 份是扫描件，表格文字取自 OCR 识别层，数值须对照原件核对`}
        {nameless > 0 && `；${nameless} 份未识别出机关与年度，不参与跨年度比对，请在审查页点标题旁的“待确认”填写`}
      </Text>
      {bad.slice(0, 6).map((i) => (
        <Text size="xs" key={i.path} data-testid={i.nameless ? 'import-nameless' : undefined}>
          {i.fileName}：{i.nameless ? `未识别出机关与年度（没有可识别的标题，也没有内容相同的文件）${namedText(i.nameFromFile)}` : i.message}
        </Text>
      ))}
      {bad.length > 6 && <Text size="xs">……另有 {bad.length - 6} 个文件有问题，见报告库“状态”列</Text>}
    </Alert>
  )
}

function Welcome({ info, onSample, onImport, onOpen }: { info: WorkspaceInfo; onSample: () => void; onImport: () => void; onOpen: () => void }) {
  return (
    <Card withBorder maw={620} mx="auto" mt={60} p="xl" data-testid="welcome">
      <Stack gap="sm">
        <Title order={3}>欢迎使用年报审查台</Title>
        <Text size="sm">
          导入一个县（区）各单位的政府信息公开工作年度报告（PDF 或 TXT，可整个文件夹），系统自动提取表格、核对勾稽关系和正文数据，您逐条确认、驳回、批注，最后生成审查意见。
        </Text>
        <Text size="xs" c="dimmed">
          当前工作区：{info.file}
        </Text>
        <Group>
          {info.sampleAvailable && (
            <Button onClick={onSample} data-testid="open-sample">
              打开示例（五份真实年报）
            </Button>
          )}
          <Button variant="default" onClick={onImport}>
            导入文件夹…
          </Button>
          <Button variant="subtle" onClick={onOpen}>
            打开已有工作区…
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}

function ReviewerModal({ opened, current, onClose, onSave }: { opened: boolean; current: string; onClose: () => void; onSave: (name: string) => Promise<void> }) {
  const [name, setName] = useState(current)
  useEffect(() => setName(current), [current, opened])
  return (
    <Modal opened={opened} onClose={onClose} title="审查人" size="sm">
      <TextInput label="姓名（记录在每条复核和更正上）" value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="reviewer-name" data-autofocus />
      <Group justify="flex-end" mt="sm">
        <Button onClick={() => void onSave(name.trim())} disabled={!name.trim()} data-testid="reviewer-save">
          保存
        </Button>
      </Group>
    </Modal>
  )
}
