/**
 * The selected cell: what was read and where, the findings on it, and the auditor's correction
 * (the original stays; the correction is recorded with who and when and the checks re-run).
 * A blank cell that a table identity pins down shows the value it implies, to take in one click.
 */
import { Badge, Button, CloseButton, Group, Text, TextInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { CellDto, FindingDto } from '../../../shared/contract'
import { fmtNumber, fmtTime, SEVERITY_COLOR, SEVERITY_LABEL } from '../labels'

export function CellPanel(props: {
  cellKey: string
  label: string
  cell: CellDto | undefined
  findings: FindingDto[]
  busy: boolean
  onCorrect: (value: number | null, reason: string | null) => void
  onRevert: () => void
  onFinding: (f: FindingDto) => void
  onAddFinding: () => void
  onClose: () => void
}) {
  const { cell } = props
  const [value, setValue] = useState('')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    setValue(cell?.value === null || cell?.value === undefined ? '' : String(cell.value))
    setReason('')
    setError(null)
  }, [props.cellKey, cell?.value])

  const submit = () => {
    const t = value.trim().replace(/,/g, '')
    const v = t === '' ? null : Number(t)
    if (v !== null && !Number.isFinite(v)) return setError('请输入数字，留空表示该单元格为空')
    if (v === (cell?.value ?? null)) return setError('数值没有变化')
    props.onCorrect(v, reason.trim() || null)
  }

  return (
    <div className="cell-panel" data-testid="cell-panel">
      <Group gap={6} mb={4}>
        <Text size="sm" fw={600}>
          {props.label}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {props.cellKey}
        </Text>
        <CloseButton size="sm" ml="auto" onClick={props.onClose} aria-label="关闭" />
      </Group>
      <Text size="xs" c="dimmed">
        读取文字：{cell ? cell.raw || '（空）' : '未读到此单元格'}
        {cell?.source ? (cell.source.kind === 'pdf' ? ` · 第 ${cell.source.page} 页` : ` · 第 ${cell.source.start} 字符起`) : ''}
      </Text>
      {cell?.correction && (
        <Text size="xs" c="violet" data-testid="cell-correction">
          已更正：原值 {fmtNumber(cell.correction.original)} → {fmtNumber(cell.value)}，{cell.correction.by} 于 {fmtTime(cell.correction.at)}
          {cell.correction.reason ? `（${cell.correction.reason}）` : ''}
        </Text>
      )}
      {cell && cell.value === null && cell.implied.length > 0 && (
        <div data-testid="cell-implied">
          {cell.implied.map((i) => (
            <Group key={i.value} gap={6} mt={4} wrap="nowrap">
              <Text size="xs" c="teal.8" style={{ flex: 1 }}>
                按{i.identity}推算为 <b>{fmtNumber(i.value)}</b>（{i.how}），请对照原文核实后采用
              </Text>
              <Button size="xs" variant="light" color="teal" disabled={props.busy} onClick={() => props.onCorrect(i.value, `按${i.identity}推算：${i.how}`)} data-testid="implied-take">
                采用 {fmtNumber(i.value)}
              </Button>
            </Group>
          ))}
        </div>
      )}
      {props.findings.length > 0 && (
        <Group gap={4} mt={4}>
          {props.findings.map((f) => (
            <Badge key={f.id} color={SEVERITY_COLOR[f.severity]} variant="light" size="sm" style={{ cursor: 'pointer' }} onClick={() => props.onFinding(f)}>
              {f.rule} {SEVERITY_LABEL[f.severity]}
            </Badge>
          ))}
        </Group>
      )}
      <Group gap={6} mt={6} align="end">
        <TextInput size="xs" w={110} label="更正为" value={value} onChange={(e) => setValue(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && submit()} data-testid="correct-value" />
        <TextInput size="xs" style={{ flex: 1 }} label="更正理由" placeholder="如：原文第 3 页为 12，识别有误" value={reason} onChange={(e) => setReason(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && submit()} data-testid="correct-reason" />
        <Button size="xs" onClick={submit} loading={props.busy} data-testid="correct-save">
          保存更正
        </Button>
        {cell?.correction && (
          <Button size="xs" variant="subtle" color="gray" onClick={props.onRevert} disabled={props.busy}>
            撤销更正
          </Button>
        )}
        <Button size="xs" variant="light" onClick={props.onAddFinding}>
          就此单元格新增问题
        </Button>
      </Group>
      {error && (
        <Text size="xs" c="red" mt={2}>
          {error}
        </Text>
      )}
    </div>
  )
}
