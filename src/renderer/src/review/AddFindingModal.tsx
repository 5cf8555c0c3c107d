/** The auditor's own finding, from a text selection in the source or from a cell. */
import { Button, Group, Modal, SegmentedControl, Text, Textarea } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { SeverityName, SourceRef } from '../../../shared/contract'

export interface FindingDraft {
  quote: string | null
  source: SourceRef | null
  cells: string[]
  cellLabel: string | null
}

export function AddFindingModal(props: { draft: FindingDraft | null; onClose: () => void; onSave: (severity: SeverityName, message: string) => Promise<void> }) {
  const { draft } = props
  const [severity, setSeverity] = useState<SeverityName>('warning')
  const [message, setMessage] = useState('')
  const [saving, setSaving] = useState(false)
  useEffect(() => {
    if (!draft) return
    setMessage(draft.cellLabel ? `${draft.cellLabel}：` : draft.quote ? `原文“${draft.quote.slice(0, 80)}”：` : '')
    setSeverity('warning')
  }, [draft])
  const save = async () => {
    setSaving(true)
    try {
      await props.onSave(severity, message)
    } finally {
      setSaving(false)
    }
  }
  return (
    <Modal opened={draft !== null} onClose={props.onClose} title="新增问题（人工）" size="lg">
      {draft?.quote && (
        <Text size="xs" c="dimmed" mb="xs">
          引文：{draft.quote.slice(0, 300)}
          {draft.source?.kind === 'pdf' ? `（第 ${draft.source.page} 页）` : ''}
        </Text>
      )}
      <SegmentedControl
        value={severity}
        onChange={(v) => setSeverity(v as SeverityName)}
        data={[
          { value: 'error', label: '错误' },
          { value: 'warning', label: '警告' },
          { value: 'info', label: '提示' }
        ]}
        mb="xs"
      />
      <Textarea autosize minRows={3} value={message} onChange={(e) => setMessage(e.currentTarget.value)} placeholder="问题说明" data-testid="new-finding-message" data-autofocus />
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={props.onClose}>
          取消
        </Button>
        <Button onClick={() => void save()} loading={saving} disabled={!message.trim()} data-testid="new-finding-save">
          保存
        </Button>
      </Group>
    </Modal>
  )
}
