/**
 * The findings of a report: a list the auditor walks through (mouse or keyboard), each with its
 * review state, comment, reviewer and time. Every change is saved at once.
 */
import { Badge, Button, Group, SegmentedControl, Text, Textarea } from '@mantine/core'
import { useEffect, useRef, useState } from 'react'
import type { FindingDto, ReviewState } from '../../../shared/contract'
import { fmtTime, REVIEW_COLOR, REVIEW_LABEL, SEVERITY_COLOR, SEVERITY_LABEL } from '../labels'

export type FindingFilter = 'open' | 'todo' | 'all'

export function FindingsPanel(props: {
  /** The findings listed (after the filter). */
  findings: FindingDto[]
  /** Every finding of the report, for the counts in the header. */
  all: FindingDto[]
  selectedId: number | null
  filter: FindingFilter
  onFilter: (f: FindingFilter) => void
  onSelect: (f: FindingDto) => void
  onReview: (id: number, review: ReviewState) => void
  onComment: (id: number, comment: string | null) => void
  onDelete: (id: number) => void
  commentFocus: number
}) {
  const { findings, selectedId } = props
  const list = useRef<HTMLDivElement | null>(null)

  useEffect(() => {
    list.current?.querySelector<HTMLElement>('[data-selected="true"]')?.scrollIntoView({ block: 'nearest' })
  }, [selectedId])

  const counts = { error: 0, warning: 0, info: 0, todo: 0 }
  for (const f of props.all) {
    if (f.status !== 'open') continue
    if (f.review !== 'dismissed') counts[f.severity]++
    if (f.review === 'pending') counts.todo++
  }

  return (
    <div className="findings">
      <Group gap="xs" px="xs" py={4} className="findings-head">
        <Text size="sm" fw={600}>
          问题
        </Text>
        <Badge color="red" variant="light" size="sm" data-testid="count-error">
          错误 {counts.error}
        </Badge>
        <Badge color="orange" variant="light" size="sm" data-testid="count-warning">
          警告 {counts.warning}
        </Badge>
        <Badge color="blue" variant="light" size="sm">
          提示 {counts.info}
        </Badge>
        <Text size="xs" c="dimmed">
          待复核 {counts.todo}
        </Text>
        <SegmentedControl
          size="xs"
          ml="auto"
          value={props.filter}
          onChange={(v) => props.onFilter(v as FindingFilter)}
          data={[
            { value: 'open', label: '现存' },
            { value: 'todo', label: '待复核' },
            { value: 'all', label: '全部（含已消除）' }
          ]}
        />
      </Group>
      <div className="findings-list" ref={list} data-testid="findings-list">
        {findings.length === 0 && (
          <Text c="dimmed" size="sm" p="sm">
            {props.filter === 'todo' ? '没有待复核的问题' : '没有发现问题'}
          </Text>
        )}
        {findings.map((f) => (
          <FindingItem key={f.id} f={f} selected={f.id === selectedId} {...props} />
        ))}
      </div>
    </div>
  )
}

function FindingItem(props: {
  f: FindingDto
  selected: boolean
  onSelect: (f: FindingDto) => void
  onReview: (id: number, review: ReviewState) => void
  onComment: (id: number, comment: string | null) => void
  onDelete: (id: number) => void
  commentFocus: number
}) {
  const { f, selected } = props
  const [comment, setComment] = useState(f.comment ?? '')
  const box = useRef<HTMLTextAreaElement | null>(null)
  useEffect(() => setComment(f.comment ?? ''), [f.comment])
  useEffect(() => {
    if (selected && props.commentFocus) box.current?.focus()
  }, [props.commentFocus, selected])
  const saveComment = () => {
    const next = comment.trim() || null
    if (next !== (f.comment ?? null)) props.onComment(f.id, next)
  }
  return (
    <div
      className={`finding sev-border-${f.severity}${selected ? ' selected' : ''}${f.status === 'resolved' ? ' resolved' : ''}${f.review === 'dismissed' ? ' dismissed' : ''}`}
      data-selected={selected}
      data-testid="finding"
      data-id={f.id}
      data-rule={f.rule}
      data-review={f.review}
      onClick={() => !selected && props.onSelect(f)}
    >
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Badge color={SEVERITY_COLOR[f.severity]} size="sm" variant="filled" miw={40}>
          {SEVERITY_LABEL[f.severity]}
        </Badge>
        <Text size="xs" ff="monospace" fw={600} miw={42}>
          {f.origin === 'auditor' ? '人工' : f.rule}
        </Text>
        <Text size="sm" className="finding-message" lineClamp={selected ? undefined : 2} onClick={() => selected && props.onSelect(f)}>
          {f.message}
        </Text>
        <Badge color={REVIEW_COLOR[f.review]} variant={f.review === 'pending' ? 'outline' : 'light'} size="sm" miw={52} data-testid="review-badge">
          {REVIEW_LABEL[f.review]}
        </Badge>
      </Group>
      {selected && (
        <div className="finding-detail" onClick={(e) => e.stopPropagation()}>
          <Text size="xs" c="dimmed" mb={4}>
            {f.title}
            {f.page ? ` · 第 ${f.page} 页` : ''}
            {f.status === 'resolved' ? ' · 已不再出现（原文或更正后已消除）' : ''}
          </Text>
          <Group gap={6} mb={6}>
            <Button size="compact-xs" color="red" variant={f.review === 'confirmed' ? 'filled' : 'light'} onClick={() => props.onReview(f.id, 'confirmed')}>
              确认 (C)
            </Button>
            <Button size="compact-xs" color="gray" variant={f.review === 'dismissed' ? 'filled' : 'light'} onClick={() => props.onReview(f.id, 'dismissed')}>
              驳回 (X)
            </Button>
            <Button size="compact-xs" color="green" variant={f.review === 'fixed' ? 'filled' : 'light'} onClick={() => props.onReview(f.id, 'fixed')}>
              已整改 (F)
            </Button>
            <Button size="compact-xs" color="gray" variant="subtle" onClick={() => props.onReview(f.id, 'pending')} disabled={f.review === 'pending'}>
              改回待复核 (P)
            </Button>
            {f.origin === 'auditor' && (
              <Button size="compact-xs" color="red" variant="subtle" ml="auto" onClick={() => props.onDelete(f.id)}>
                删除此人工问题
              </Button>
            )}
          </Group>
          <Textarea
            ref={box}
            size="xs"
            autosize
            minRows={2}
            maxRows={6}
            placeholder="审查意见或说明（M 键聚焦，Ctrl+Enter 保存）"
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            onBlur={saveComment}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                saveComment()
                e.currentTarget.blur()
              }
              if (e.key === 'Escape') e.currentTarget.blur()
            }}
            data-testid="finding-comment"
            aria-label="审查意见"
          />
          {f.reviewer && f.reviewedAt && (
            <Text size="xs" c="dimmed" mt={2} data-testid="finding-reviewed">
              {f.reviewer} 于 {fmtTime(f.reviewedAt)} 复核
            </Text>
          )}
        </div>
      )}
    </div>
  )
}
