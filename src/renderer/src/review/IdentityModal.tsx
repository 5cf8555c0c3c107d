/** The auditor names the report's agency and year (a title the program could not read, or read wrong). */
import { Alert, Button, Group, Modal, NumberInput, Text, TextInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { IdentityDto, ReportDetail } from '../../../shared/contract'
import { useSaving } from '../api'

/** Where the agency and year shown come from, as the auditor reads it. */
export function identityText(identity: IdentityDto): string {
  switch (identity.source) {
    case 'title':
      return '取自报告标题'
    case 'sibling':
      return `报告中没有可识别的标题，取自内容相同的 ${identity.fromFile ?? '另一文件'}`
    case 'manual':
      return `由 ${identity.by ?? '审查人'}${identity.at ? ` 于 ${identity.at.slice(0, 10)}` : ''} 人工更正`
    case 'none':
      return '报告中没有可识别的标题，机关与年度未知，跨年度比对不会进行'
  }
}

export function IdentityModal(props: { detail: ReportDetail; opened: boolean; onClose: () => void; onSave: (agency: string, year: number) => Promise<void> }) {
  const { detail, opened } = props
  const [agency, setAgency] = useState('')
  const [year, setYear] = useState<string | number>('')
  const { saving, error, clear, run } = useSaving()
  useEffect(() => {
    if (!opened) return
    setAgency(detail.agency ?? detail.nameFromFile?.agency ?? '')
    setYear(detail.year ?? detail.nameFromFile?.year ?? '')
    clear()
  }, [opened, detail, clear])
  const save = () => run(() => props.onSave(agency, Number(year)))
  return (
    <Modal opened={opened} onClose={props.onClose} title="更正机关与年度" size="md">
      <Text size="sm" mb={4}>
        标题：{detail.title ?? '（未找到）'}
      </Text>
      <Text size="xs" c="dimmed" mb="sm" data-testid="identity-source">
        当前机关与年度{identityText(detail.identity)}
      </Text>
      {detail.nameFromFile && (
        <Alert color="orange" py={4} mb="xs" data-testid="identity-from-file">
          已按文件名“{detail.file}”填入
          {[!detail.agency && detail.nameFromFile.agency && '机关名称', !detail.year && '年度'].filter(Boolean).join('与')}
          ，请与原文核对后保存
        </Alert>
      )}
      <TextInput label="机关名称" value={agency} onChange={(e) => setAgency(e.currentTarget.value)} data-testid="identity-agency" data-autofocus />
      <NumberInput label="年度" value={year} onChange={setYear} min={2008} max={new Date().getFullYear()} allowDecimal={false} mt="xs" data-testid="identity-year" />
      <Text size="xs" c="dimmed" mt="xs">
        保存后重新检查本报告及同一机关相邻年度的报告；重新读取原文件时保留这里的更正。
      </Text>
      {error && (
        <Alert color="red" py={4} mt="xs" data-testid="identity-error">
          {error}
        </Alert>
      )}
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={props.onClose}>
          取消
        </Button>
        <Button onClick={() => void save()} loading={saving} disabled={!agency.trim() || year === ''} data-testid="identity-save">
          保存
        </Button>
      </Group>
    </Modal>
  )
}
