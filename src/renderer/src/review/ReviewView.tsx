/**
 * 审查: one report. Left, the source (PDF or TXT); right, the findings and the tables in the
 * official layout. A finding or a cell highlights its source; a click in the source selects the
 * cell there. Keyboard: J/K or ↓/↑ move, C confirm, X dismiss, F fixed, P pending, M comment,
 * N new finding from the selected text.
 */
import { Alert, Badge, Button, Group, Kbd, Loader, Menu, SegmentedControl, Text } from '@mantine/core'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { ComparisonDto, FindingDto, ReportDetail, ReportMetaDto, ReviewState, SeverityName, SourceDto, SourceRef } from '../../../shared/contract'
import { call, errorText } from '../api'
import { SEVERITY_RANK, toConfirm } from '../labels'
import { AddFindingModal, type FindingDraft } from './AddFindingModal'
import { CellPanel } from './CellPanel'
import { FindingsPanel, type FindingFilter } from './FindingsPanel'
import { IdentityModal, identityText } from './IdentityModal'
import { PdfSource } from './PdfSource'
import { PublicationModal, publicationText } from './PublicationModal'
import { cellAtOffset, cellAtPoint, type SourceSelection } from './source'
import { Tables } from './Tables'
import { TxtSource } from './TxtSource'
import { YearOverYear } from './YearOverYear'

const isTyping = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))

export function ReviewView({ reportId, onBack, onOpen, onMemo }: { reportId: number; onBack: () => void; onOpen: (id: number) => void; onMemo: (ids: number[], format: 'docx' | 'pdf') => void }) {
  const [detail, setDetail] = useState<ReportDetail | null>(null)
  const [source, setSource] = useState<SourceDto | null>(null)
  const [findings, setFindings] = useState<FindingDto[]>([])
  const [filter, setFilter] = useState<FindingFilter>('open')
  const [selectedId, setSelectedId] = useState<number | null>(null)
  const [selectedCell, setSelectedCell] = useState<string | null>(null)
  const [highlight, setHighlight] = useState<SourceRef | null>(null)
  const [focusToken, setFocusToken] = useState(0)
  const [tab, setTab] = useState<string>('review')
  const [comparison, setComparison] = useState<ComparisonDto | null>(null)
  const [selection, setSelection] = useState<SourceSelection | null>(null)
  const [draft, setDraft] = useState<FindingDraft | null>(null)
  const [commentFocus, setCommentFocus] = useState(0)
  const [busy, setBusy] = useState(false)
  const [editIdentity, setEditIdentity] = useState(false)
  const [meta, setMeta] = useState<ReportMetaDto | null>(null)
  const [editMeta, setEditMeta] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const guard = useCallback(async (work: () => Promise<void>) => {
    setError(null)
    try {
      await work()
    } catch (e) {
      setError(errorText(e))
    }
  }, [])

  useEffect(() => {
    setDetail(null)
    setMeta(null)
    setEditMeta(false)
    setEditIdentity(false)
    setSource(null)
    setSelectedId(null)
    setSelectedCell(null)
    setHighlight(null)
    setComparison(null)
    setTab('review')
    void guard(async () => {
      const [d, f, m] = await Promise.all([call('report:get', { id: reportId }), call('report:findings', { id: reportId }), call('report:meta', { id: reportId })])
      setDetail(d)
      setFindings(f)
      setMeta(m)
      setSource(await call('report:source', { id: reportId }))
    })
  }, [reportId, guard])

  useEffect(() => {
    if (tab === 'yoy' && !comparison) void guard(async () => setComparison(await call('report:compare', { id: reportId })))
  }, [tab, comparison, reportId, guard])

  const visible = useMemo(() => {
    const keep = (f: FindingDto) => (filter === 'all' ? true : filter === 'todo' ? f.status === 'open' && f.review === 'pending' : f.status === 'open')
    return findings.filter(keep).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.page ?? 1e9) - (b.page ?? 1e9) || a.rule.localeCompare(b.rule) || a.id - b.id)
  }, [findings, filter])

  const severityOf = useMemo(() => {
    const m = new Map<string, SeverityName>()
    for (const f of findings) {
      if (f.status !== 'open' || f.review === 'dismissed') continue
      for (const k of f.cells) {
        const cur = m.get(k)
        if (!cur || SEVERITY_RANK[f.severity] < SEVERITY_RANK[cur]) m.set(k, f.severity)
      }
    }
    return m
  }, [findings])

  const selected = findings.find((f) => f.id === selectedId) ?? null
  const marked = useMemo(() => new Set(selected?.cells ?? []), [selected])

  const scrollToCell = (key: string) => requestAnimationFrame(() => document.querySelector(`.tables [data-key="${key}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' }))

  const selectFinding = useCallback(
    (f: FindingDto) => {
      setSelectedId(f.id)
      setSelectedCell(null)
      const firstCell = f.cells.map((k) => detail?.cells[k]?.source).find(Boolean) ?? null
      setHighlight(f.source ?? firstCell)
      setFocusToken((t) => t + 1)
      if (f.cells[0]) scrollToCell(f.cells[0])
    },
    [detail]
  )

  const selectCell = useCallback(
    (key: string) => {
      setSelectedCell(key)
      setHighlight(detail?.cells[key]?.source ?? null)
      setFocusToken((t) => t + 1)
      scrollToCell(key)
    },
    [detail]
  )

  const replace = (f: FindingDto) => setFindings((list) => list.map((x) => (x.id === f.id ? f : x)))
  const review = useCallback((id: number, state: ReviewState) => void guard(async () => replace(await call('finding:review', { id, review: state }))), [guard])
  const comment = (id: number, text: string | null) => void guard(async () => replace(await call('finding:review', { id, comment: text })))

  const move = useCallback(
    (step: number) => {
      if (!visible.length) return
      const i = visible.findIndex((f) => f.id === selectedId)
      const next = visible[i < 0 ? (step > 0 ? 0 : visible.length - 1) : Math.min(visible.length - 1, Math.max(0, i + step))]
      selectFinding(next)
    },
    [visible, selectedId, selectFinding]
  )

  const openDraft = useCallback(
    (fromCell: string | null) => {
      if (fromCell && detail) setDraft({ quote: detail.cells[fromCell]?.raw ?? null, source: detail.cells[fromCell]?.source ?? null, cells: [fromCell], cellLabel: detail.keyLabels[fromCell] ?? fromCell })
      else setDraft({ quote: selection?.text ?? null, source: selection?.source ?? null, cells: [], cellLabel: null })
    },
    [detail, selection]
  )

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || draft || e.ctrlKey || e.metaKey || e.altKey || tab !== 'review') return
      const k = e.key.toLowerCase()
      const act: Record<string, () => void> = {
        j: () => move(1),
        arrowdown: () => move(1),
        k: () => move(-1),
        arrowup: () => move(-1),
        c: () => selected && (review(selected.id, 'confirmed'), move(1)),
        x: () => selected && (review(selected.id, 'dismissed'), move(1)),
        f: () => selected && (review(selected.id, 'fixed'), move(1)),
        p: () => selected && review(selected.id, 'pending'),
        m: () => selected && setCommentFocus((n) => n + 1),
        n: () => openDraft(selectedCell)
      }
      if (act[k]) {
        e.preventDefault()
        act[k]()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [move, review, selected, draft, tab, openDraft, selectedCell])

  const afterCorrection = async (d: ReportDetail) => {
    setDetail(d)
    setFindings(await call('report:findings', { id: reportId }))
    setComparison(null)
  }

  if (!detail) return error ? <Alert color="red">{error}</Alert> : <Loader m="xl" />
  const cellFindings = selectedCell ? findings.filter((f) => f.status === 'open' && f.cells.includes(selectedCell)) : []

  return (
    <div className="review">
      <Group gap="xs" className="review-bar" wrap="nowrap">
        <Button size="xs" variant="subtle" onClick={onBack}>
          ← 报告库
        </Button>
        <Text fw={600} size="md" className="cell-ellipsis" data-testid="review-title">
          {detail.agency ?? '（未识别机关）'} {detail.year ?? ''} 年报
        </Text>
        <Button
          size="compact-xs"
          variant={detail.identity.source === 'title' ? 'subtle' : 'light'}
          color={toConfirm(detail.identity.source) ? 'orange' : undefined}
          onClick={() => setEditIdentity(true)}
          title={`机关与年度${identityText(detail.identity)}；点击更正`}
          data-testid="identity-edit"
        >
          {detail.identity.source === 'manual' ? '已人工更正' : detail.identity.source === 'title' ? '更正' : '待确认'}
        </Button>
        <Button
          size="compact-xs"
          variant="subtle"
          color={meta && !meta.pubDate && !meta.notFound ? 'orange' : undefined}
          onClick={() => setEditMeta(true)}
          title="发布日期、网址与机关类型：用于核对《条例》第四十九条规定的公布期限"
          data-testid="meta-edit"
        >
          {publicationText(meta)}
        </Button>
        {detail.template && (
          <Badge variant="light" size="sm">
            {detail.template} 版格式
          </Badge>
        )}
        <Text size="xs" c="dimmed" className="cell-ellipsis">
          {detail.file}
          {detail.pages ? ` · ${detail.pages} 页` : ''}
          {detail.version > 1 ? ` · 第 ${detail.version} 版` : ''}
        </Text>
        <SegmentedControl
          size="xs"
          ml="auto"
          value={tab}
          onChange={setTab}
          data={[
            { value: 'review', label: <span data-testid="tab-review">审查</span> },
            { value: 'yoy', label: <span data-testid="tab-yoy">同比</span> }
          ]}
        />
        <Button size="xs" variant="light" onClick={() => openDraft(selectedCell)} title="从原文选中的文字或所选单元格新增问题（N）">
          新增问题
        </Button>
        <Button size="xs" variant="default" onClick={() => void guard(async () => setFindings(await call('report:check', { id: reportId })))}>
          重新检查
        </Button>
        <Menu position="bottom-end">
          <Menu.Target>
            <Button size="xs">审查意见…</Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => onMemo([reportId], 'docx')}>保存为 Word（DOCX）…</Menu.Item>
            <Menu.Item onClick={() => onMemo([reportId], 'pdf')}>保存为 PDF…</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      {error && (
        <Alert color="red" py={4} withCloseButton onClose={() => setError(null)} data-testid="review-error">
          {error}
        </Alert>
      )}
      {tab === 'yoy' ? (
        <div className="review-yoy">
          <YearOverYear comparison={comparison} onOpen={onOpen} />
        </div>
      ) : (
        <div className="review-body">
          <div className="review-source">
            {!source ? (
              <Loader m="xl" />
            ) : source.missing !== null ? (
              <TxtSource text={source.text} notice={source.missing} highlight={null} focusToken={focusToken} onOffset={() => {}} onSelection={setSelection} />
            ) : source.kind === 'pdf' ? (
              <PdfSource
                bytes={source.bytes}
                highlight={highlight}
                focusToken={focusToken}
                onSelection={setSelection}
                onPoint={(page, x, y) => {
                  const key = cellAtPoint(detail.cells, page, x, y)
                  if (key) selectCell(key)
                }}
              />
            ) : (
              <TxtSource
                text={source.text}
                highlight={highlight}
                focusToken={focusToken}
                onSelection={setSelection}
                onOffset={(at) => {
                  const key = cellAtOffset(detail.cells, at)
                  if (key) selectCell(key)
                }}
              />
            )}
          </div>
          <div className="review-side">
            <FindingsPanel
              findings={visible}
              all={findings}
              selectedId={selectedId}
              filter={filter}
              onFilter={setFilter}
              onSelect={selectFinding}
              onReview={review}
              onComment={comment}
              onDelete={(id) =>
                void guard(async () => {
                  await call('finding:delete', { id })
                  setFindings(await call('report:findings', { id: reportId }))
                })
              }
              commentFocus={commentFocus}
            />
            <div className="tables-scroll">
              <Tables detail={detail} severityOf={severityOf} marked={marked} selectedCell={selectedCell} onCell={selectCell} />
            </div>
            {selectedCell && (
              <CellPanel
                cellKey={selectedCell}
                label={detail.keyLabels[selectedCell] ?? selectedCell}
                cell={detail.cells[selectedCell]}
                findings={cellFindings}
                busy={busy}
                onClose={() => setSelectedCell(null)}
                onFinding={selectFinding}
                onAddFinding={() => openDraft(selectedCell)}
                onCorrect={(value, reason) =>
                  void guard(async () => {
                    setBusy(true)
                    try {
                      await afterCorrection(await call('cell:correct', { reportId, key: selectedCell, value, reason }))
                    } finally {
                      setBusy(false)
                    }
                  })
                }
                onRevert={() => void guard(async () => afterCorrection(await call('cell:revert', { reportId, key: selectedCell })))}
              />
            )}
            <Text size="xs" c="dimmed" className="key-help">
              <Kbd>J</Kbd>/<Kbd>K</Kbd> 下一条/上一条 · <Kbd>C</Kbd> 确认 · <Kbd>X</Kbd> 驳回 · <Kbd>F</Kbd> 已整改 · <Kbd>M</Kbd> 写意见 · <Kbd>N</Kbd> 新增问题
            </Text>
          </div>
        </div>
      )}
      <AddFindingModal
        draft={draft}
        onClose={() => setDraft(null)}
        onSave={async (severity, message) =>
          guard(async () => {
            const f = await call('finding:add', { reportId, severity, message, cells: draft?.cells ?? [], source: draft?.source ?? null, quote: draft?.quote ?? null })
            setFindings((list) => [...list, f])
            setDraft(null)
            selectFinding(f)
          })
        }
      />
      <PublicationModal
        meta={meta}
        opened={editMeta}
        onClose={() => setEditMeta(false)}
        onSave={async (draft) => {
          // Errors stay in the dialog (the server's reason), so the auditor can correct the entry.
          setMeta(await call('report:setMeta', { id: reportId, ...draft }))
          setFindings(await call('report:findings', { id: reportId }))
          setEditMeta(false)
        }}
      />
      <IdentityModal
        detail={detail}
        opened={editIdentity}
        onClose={() => setEditIdentity(false)}
        onSave={async (agency, year) => {
          // Errors stay in the dialog (the server's reason), so the auditor can correct the entry.
          await afterCorrection(await call('report:identity', { id: reportId, agency, year }))
          setEditIdentity(false)
        }}
      />
    </div>
  )
}
