/**
 * 报告库: every document of the workspace, sortable, filterable and searchable. Only the rows in
 * view are rendered (fixed row height), so 5,000 reports scroll as fast as 50.
 */
import { Badge, Button, Group, NativeSelect, Progress, Text, TextInput } from '@mantine/core'
import { useEffect, useMemo, useRef, useState, type UIEvent } from 'react'
import type { LibraryRowDto } from '../../../shared/contract'
import { STATUS_COLOR, STATUS_LABEL, toConfirm } from '../labels'

const ROW_HEIGHT = 34
const OVERSCAN = 8

type SortKey = 'agency' | 'year' | 'template' | 'pages' | 'status' | 'errors' | 'warnings' | 'infos' | 'progress' | 'file'

interface Column {
  key: SortKey
  label: string
  width: string
  align?: 'right' | 'center'
}

const COLUMNS: Column[] = [
  { key: 'agency', label: '机关', width: 'minmax(200px, 2.2fr)' },
  { key: 'year', label: '年度', width: '64px', align: 'right' },
  { key: 'template', label: '格式', width: '72px', align: 'center' },
  { key: 'pages', label: '页数', width: '56px', align: 'right' },
  { key: 'status', label: '状态', width: '84px', align: 'center' },
  { key: 'errors', label: '错误', width: '56px', align: 'right' },
  { key: 'warnings', label: '警告', width: '56px', align: 'right' },
  { key: 'infos', label: '提示', width: '56px', align: 'right' },
  { key: 'progress', label: '复核进度', width: '130px' },
  { key: 'file', label: '文件', width: 'minmax(160px, 1.5fr)' }
]
const GRID = COLUMNS.map((c) => c.width).join(' ')

const progressOf = (r: LibraryRowDto) => (r.total ? r.reviewed / r.total : r.reportId ? 1 : -1)

function sortValue(r: LibraryRowDto, key: SortKey): string | number {
  switch (key) {
    case 'progress':
      return progressOf(r)
    case 'agency':
      return r.agency ?? '\uffff'
    case 'file':
      return r.file
    case 'template':
      return r.template ?? ''
    case 'status':
      return r.status
    default:
      return r[key] ?? -1
  }
}

export interface LibraryFilters {
  search: string
  year: string
  status: string
  severity: string
  review: string
}

export const EMPTY_FILTERS: LibraryFilters = { search: '', year: '', status: '', severity: '', review: '' }

function matches(r: LibraryRowDto, f: LibraryFilters): boolean {
  if (f.search) {
    const q = f.search.trim().toLowerCase()
    if (q && !`${r.agency ?? ''} ${r.file} ${r.year ?? ''}`.toLowerCase().includes(q)) return false
  }
  if (f.year && String(r.year ?? '') !== f.year) return false
  if (f.status === 'nameless') {
    if (!toConfirm(r.identity)) return false
  } else if (f.status === 'undated') {
    if (!r.reportId || r.pubDate || r.notFound) return false
  } else if (f.status && r.status !== f.status) return false
  if (f.severity === 'error' && r.errors === 0) return false
  if (f.severity === 'warning' && r.warnings === 0) return false
  if (f.severity === 'clean' && r.errors + r.warnings > 0) return false
  if (f.review === 'todo' && !(r.total > r.reviewed)) return false
  if (f.review === 'done' && !(r.reportId && r.total === r.reviewed)) return false
  if (f.review === 'untouched' && !(r.total > 0 && r.reviewed === 0)) return false
  return true
}

/** The filter menus as data: the field they set, their name, their options ('' = all). */
function filterSelects(years: number[]): Array<{ field: Exclude<keyof LibraryFilters, 'search'>; label: string; options: Array<{ value: string; label: string }> }> {
  return [
    { field: 'year', label: '年度', options: [{ value: '', label: '全部年度' }, ...years.map((y) => ({ value: String(y), label: `${y} 年` }))] },
    {
      field: 'status',
      label: '状态',
      options: [
        { value: '', label: '全部状态' },
        { value: 'ok', label: '已读取' },
        { value: 'needs_ocr', label: '需 OCR' },
        { value: 'error', label: '错误' },
        { value: 'nameless', label: '机关待确认' },
        { value: 'undated', label: '发布日期未核实' }
      ]
    },
    {
      field: 'severity',
      label: '问题',
      options: [
        { value: '', label: '全部问题' },
        { value: 'error', label: '有错误' },
        { value: 'warning', label: '有警告' },
        { value: 'clean', label: '无错误和警告' }
      ]
    },
    {
      field: 'review',
      label: '复核',
      options: [
        { value: '', label: '全部复核状态' },
        { value: 'untouched', label: '未开始复核' },
        { value: 'todo', label: '尚有待复核' },
        { value: 'done', label: '已复核完' }
      ]
    }
  ]
}

export function LibraryView(props: {
  rows: LibraryRowDto[]
  filters: LibraryFilters
  onFilters: (f: LibraryFilters) => void
  onOpen: (reportId: number) => void
  onMemo: (reportIds: number[]) => void
}) {
  const { rows, filters, onFilters, onOpen } = props
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'agency', desc: false })
  const [scrollTop, setScrollTop] = useState(0)
  const [height, setHeight] = useState(600)
  const bodyRef = useRef<HTMLDivElement | null>(null)

  // The rows drawn follow the body's real height (a large monitor shows more than a laptop).
  useEffect(() => {
    const body = bodyRef.current
    if (!body) return
    const ro = new ResizeObserver(() => setHeight(body.clientHeight))
    ro.observe(body)
    return () => ro.disconnect()
  }, [])

  const years = useMemo(() => [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => b - a), [rows])
  const shown = useMemo(() => {
    const list = rows.filter((r) => matches(r, filters))
    const dir = sort.desc ? -1 : 1
    return list.sort((a, b) => {
      const x = sortValue(a, sort.key)
      const y = sortValue(b, sort.key)
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN')
      return dir * c || (a.year ?? 0) - (b.year ?? 0) || (a.version ?? 0) - (b.version ?? 0) || a.documentId - b.documentId
    })
  }, [rows, filters, sort])

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN)
  const last = Math.min(shown.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN)
  const set = (patch: Partial<LibraryFilters>) => onFilters({ ...filters, ...patch })
  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    setScrollTop(e.currentTarget.scrollTop)
  }
  const totals = shown.reduce((t, r) => ({ errors: t.errors + r.errors, warnings: t.warnings + r.warnings }), { errors: 0, warnings: 0 })
  const openable = shown.filter((r) => r.reportId !== null).map((r) => r.reportId!)

  return (
    <div className="library">
      <Group gap="xs" mb="xs" wrap="wrap" align="end">
        <TextInput
          placeholder="搜索机关、文件名、年度"
          value={filters.search}
          onChange={(e) => set({ search: e.currentTarget.value })}
          w={240}
          size="xs"
          data-testid="library-search"
          aria-label="搜索"
        />
        {filterSelects(years).map(({ field, label, options }) => (
          <NativeSelect key={field} size="xs" aria-label={label} value={filters[field]} onChange={(e) => set({ [field]: e.currentTarget.value })} data={options} />
        ))}
        <Button size="xs" variant="subtle" onClick={() => onFilters(EMPTY_FILTERS)}>
          清除筛选
        </Button>
        <Text size="xs" c="dimmed" data-testid="library-count">
          显示 {shown.length} / {rows.length} 份 · 错误 {totals.errors} · 警告 {totals.warnings}
        </Text>
        <Button size="xs" variant="light" ml="auto" disabled={openable.length === 0} onClick={() => props.onMemo(openable)}>
          生成所列报告的审查意见…
        </Button>
      </Group>
      <div className="vtable" role="table" aria-rowcount={shown.length} data-testid="library-table">
        <div className="vtable-head" role="row" style={{ gridTemplateColumns: GRID }}>
          {COLUMNS.map((c) => (
            <button
              key={c.key}
              role="columnheader"
              className="vtable-th"
              style={{ textAlign: c.align ?? 'left' }}
              onClick={() => setSort((s) => ({ key: c.key, desc: s.key === c.key ? !s.desc : c.key === 'errors' || c.key === 'warnings' }))}
              aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
            >
              {c.label}
              {sort.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ''}
            </button>
          ))}
        </div>
        <div className="vtable-body" ref={bodyRef} onScroll={onScroll} data-testid="library-body">
          <div style={{ height: shown.length * ROW_HEIGHT, position: 'relative' }}>
            {shown.slice(first, last).map((r, i) => (
              <LibraryRow key={r.documentId} row={r} top={(first + i) * ROW_HEIGHT} onOpen={onOpen} />
            ))}
          </div>
          {shown.length === 0 && (
            <Text c="dimmed" ta="center" mt="xl">
              {rows.length ? '没有符合筛选条件的报告' : '工作区中还没有报告'}
            </Text>
          )}
        </div>
      </div>
    </div>
  )
}

/** Agency and year not read from the report's own title: to be named, or to be confirmed. */
const IDENTITY_BADGES: Partial<Record<NonNullable<LibraryRowDto['identity']>, { label: string; color: string; title: string }>> = {
  none: { label: '待确认', color: 'orange', title: '未识别出机关与年度：打开报告，点标题旁的“待确认”指定' },
  sibling: { label: '待确认', color: 'orange', title: '报告标题缺失，机关与年度取自内容相同的另一文件：打开报告核对' },
  manual: { label: '人工更正', color: 'gray', title: '机关与年度由审核人员指定' }
}

function IdentityBadge({ identity }: { identity: LibraryRowDto['identity'] }) {
  const badge = identity ? IDENTITY_BADGES[identity] : undefined
  if (!badge) return null
  return (
    <Badge size="xs" variant="light" color={badge.color} ml={4} title={badge.title} data-testid="identity-badge">
      {badge.label}
    </Badge>
  )
}

function LibraryRow({ row: r, top, onOpen }: { row: LibraryRowDto; top: number; onOpen: (id: number) => void }) {
  const open = () => r.reportId && onOpen(r.reportId)
  const pct = r.total ? Math.round((100 * r.reviewed) / r.total) : 100
  return (
    <div
      role="row"
      className={`vtable-row${r.reportId ? ' openable' : ''}`}
      style={{ top, height: ROW_HEIGHT, gridTemplateColumns: GRID }}
      onDoubleClick={open}
      onKeyDown={(e) => e.key === 'Enter' && open()}
      tabIndex={r.reportId ? 0 : -1}
      data-testid="library-row"
      data-report-id={r.reportId ?? ''}
      title={r.error ?? r.path}
    >
      <span role="cell" className="cell-ellipsis">
        {r.reportId ? (
          <a className="link" onClick={open}>
            {r.agency ?? '（未识别机关）'}
          </a>
        ) : (
          (r.agency ?? <Text span c="dimmed" size="sm">{r.error ?? '（未读取）'}</Text>)
        )}
        <IdentityBadge identity={r.identity} />
        {r.version && r.version > 1 ? (
          <Badge size="xs" variant="light" ml={4}>
            第 {r.version} 版
          </Badge>
        ) : null}
      </span>
      <span role="cell" className="num">
        {r.year ?? '—'}
      </span>
      <span role="cell" style={{ textAlign: 'center' }}>
        {r.template ? `${r.template} 版` : '—'}
      </span>
      <span role="cell" className="num">
        {r.pages ?? '—'}
      </span>
      <span role="cell" style={{ textAlign: 'center' }}>
        {r.ocrLayer ? (
          <Badge size="sm" variant="light" color="yellow" title="表格文字取自扫描件上的 OCR 识别层，数值须对照原件核对">
            OCR 识别
          </Badge>
        ) : (
          <Badge size="sm" variant="light" color={STATUS_COLOR[r.status]}>
            {STATUS_LABEL[r.status]}
          </Badge>
        )}
      </span>
      <span role="cell" className={`num${r.errors ? ' sev-error-text' : ''}`}>
        {r.reportId ? r.errors : ''}
      </span>
      <span role="cell" className={`num${r.warnings ? ' sev-warning-text' : ''}`}>
        {r.reportId ? r.warnings : ''}
      </span>
      <span role="cell" className="num">
        {r.reportId ? r.infos : ''}
      </span>
      <span role="cell">
        {r.reportId ? (
          <Group gap={4} wrap="nowrap">
            <Progress value={pct} w={60} size="sm" color={pct === 100 ? 'green' : 'indigo'} />
            <Text size="xs">
              {r.reviewed}/{r.total}
            </Text>
          </Group>
        ) : null}
      </span>
      <span role="cell" className="cell-ellipsis file">
        {r.file}
      </span>
    </div>
  )
}
