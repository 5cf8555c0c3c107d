/**
 * The auditor records where and when a report was published (the deadline checks D01–D06 need
 * it): the date and address, whether it could be found, and the kind of body when its name
 * does not tell. A date or address the document itself shows is offered, not taken.
 */
import { Alert, Button, Checkbox, Group, Modal, Select, Text, TextInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { AgencyTypeName, ReportMetaDto } from '../../../shared/contract'
import { useSaving } from '../api'

export interface PublicationDraft {
  pubDate: string | null
  pubUrl: string | null
  notFound: boolean
  agencyType: AgencyTypeName | null
}

/** The button's words: the date recorded, or that it is still to verify. */
export function publicationText(meta: ReportMetaDto | null): string {
  if (!meta) return '发布信息'
  if (meta.notFound) return '网站未找到'
  return meta.pubDate ? `发布于 ${meta.pubDate}` : '发布日期未核实'
}

/** The value of the type menu that means "as the agency's name gives it". */
const FROM_NAME = 'from-name'

export function PublicationModal(props: { meta: ReportMetaDto | null; opened: boolean; onClose: () => void; onSave: (draft: PublicationDraft) => Promise<void> }) {
  const { meta, opened } = props
  const [pubDate, setPubDate] = useState('')
  const [pubUrl, setPubUrl] = useState('')
  const [notFound, setNotFound] = useState(false)
  const [agencyType, setAgencyType] = useState<string>(FROM_NAME)
  const { saving, error, clear, run } = useSaving()
  useEffect(() => {
    if (!opened || !meta) return
    setPubDate(meta.pubDate ?? '')
    setPubUrl(meta.pubUrl ?? '')
    setNotFound(meta.notFound)
    setAgencyType(meta.agencyType ?? FROM_NAME)
    clear()
  }, [opened, meta, clear])
  if (!meta) return null
  const labelOf = (t: AgencyTypeName) => meta.agencyTypes.find((x) => x.value === t)?.label ?? t
  const printed = meta.printed
  const offerDate = printed.date && printed.date !== pubDate
  const offerUrl = printed.url && printed.url !== pubUrl
  const save = () =>
    run(() =>
      props.onSave({
        pubDate: pubDate.trim() || null,
        pubUrl: pubUrl.trim() || null,
        notFound,
        agencyType: agencyType === FROM_NAME ? null : (agencyType as AgencyTypeName)
      })
    )
  return (
    <Modal opened={opened} onClose={props.onClose} title="发布信息（核对公布期限）" size="md">
      {(offerDate || offerUrl) && (
        <Alert color="blue" py={4} mb="xs" data-testid="meta-printed">
          <Text size="sm">
            原文载有{printed.date ? `“${printed.dateQuote}”` : ''}
            {printed.date && printed.url ? '，' : ''}
            {printed.url ? `网址 ${printed.url}` : ''}（如为网页的复制件）。请与网站核对后采用。
          </Text>
          <Button
            size="compact-xs"
            variant="light"
            mt={4}
            data-testid="meta-use-printed"
            onClick={() => {
              if (printed.date) setPubDate(printed.date)
              if (printed.url) setPubUrl(printed.url)
            }}
          >
            采用
          </Button>
        </Alert>
      )}
      <TextInput
        label="发布日期"
        description="报告在本机关网站公布的日期，格式 YYYY-MM-DD"
        placeholder="2024-01-20"
        value={pubDate}
        onChange={(e) => setPubDate(e.currentTarget.value)}
        data-testid="meta-date"
        data-autofocus
      />
      <TextInput label="发布网址" placeholder="https://" value={pubUrl} onChange={(e) => setPubUrl(e.currentTarget.value)} mt="xs" data-testid="meta-url" />
      <Checkbox
        label="在本机关政府信息公开专栏未找到该报告，或难以查找"
        checked={notFound}
        onChange={(e) => setNotFound(e.currentTarget.checked)}
        mt="sm"
        data-testid="meta-not-found"
      />
      <Select
        label="机关类型（决定适用的公布期限）"
        value={agencyType}
        onChange={(v) => setAgencyType(v ?? FROM_NAME)}
        allowDeselect={false}
        data={[{ value: FROM_NAME, label: `按机关名称识别：${labelOf(meta.agencyTypeFromName)}` }, ...meta.agencyTypes.filter((t) => t.value !== 'unknown')]}
        mt="xs"
        data-testid="meta-agency-type"
      />
      {meta.updatedBy && (
        <Text size="xs" c="dimmed" mt="xs" data-testid="meta-recorded">
          由 {meta.updatedBy}
          {meta.updatedAt ? ` 于 ${meta.updatedAt.slice(0, 10)}` : ''} 录入
        </Text>
      )}
      {error && (
        <Alert color="red" py={4} mt="xs" data-testid="meta-error">
          {error}
        </Alert>
      )}
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={props.onClose} data-testid="meta-cancel">
          取消
        </Button>
        <Button onClick={() => void save()} loading={saving} data-testid="meta-save">
          保存并重新检查
        </Button>
      </Group>
    </Modal>
  )
}
