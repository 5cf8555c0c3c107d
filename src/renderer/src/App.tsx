import { AppShell, Badge, Button, Group, Progress, ScrollArea, Table, Text, Title } from '@mantine/core'
import { useCallback, useEffect, useState } from 'react'
import type { IngestProgress, IngestResultDto, ReportSummary, WorkspaceInfo } from '../../shared/contract'
import { call, listen } from './api'

export function App() {
  const [info, setInfo] = useState<WorkspaceInfo | null>(null)
  const [reports, setReports] = useState<ReportSummary[]>([])
  const [progress, setProgress] = useState<IngestProgress | null>(null)
  const [last, setLast] = useState<IngestResultDto | null>(null)
  const [error, setError] = useState<string | null>(null)

  const refresh = useCallback(async () => {
    setInfo(await call('workspace:info'))
    setReports(await call('reports:list'))
  }, [])

  const importFrom = useCallback(
    async (folder: boolean) => {
      setError(null)
      try {
        const r = await call('ingest:choose', { folder })
        if (r) setLast(r)
      } catch (e) {
        setError((e as Error).message)
      } finally {
        setProgress(null)
        await refresh()
      }
    },
    [refresh]
  )

  useEffect(() => {
    void refresh()
    const offProgress = listen('ingest:progress', setProgress)
    const offMenu = listen('menu:import', ({ folder }) => void importFrom(folder))
    return () => {
      offProgress()
      offMenu()
    }
  }, [refresh, importFrom])

  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={3}>年报审查台</Title>
          <Group>
            <Text size="sm" c="dimmed" data-testid="workspace">
              {info ? `工作区：${info.file}（报告 ${info.reports} 份）` : ''}
            </Text>
            <Button variant="default" onClick={() => void importFrom(false)} disabled={!!progress}>
              导入文件…
            </Button>
            <Button onClick={() => void importFrom(true)} disabled={!!progress}>
              导入文件夹…
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        {progress && (
          <Group mb="md" gap="sm">
            <Progress value={progress.total ? (100 * progress.done) / progress.total : 0} w={300} />
            <Text size="sm">
              {progress.done}/{progress.total} {progress.current ?? ''}
            </Text>
            <Button size="xs" variant="subtle" color="red" onClick={() => void call('ingest:cancel')}>
              取消
            </Button>
          </Group>
        )}
        {error && (
          <Text c="red" mb="md">
            {error}
          </Text>
        )}
        {last && (
          <Text size="sm" mb="md" data-testid="last-import">
            上次导入：成功 {last.counts.ok}，需 OCR {last.counts.needs_ocr}，错误 {last.counts.error}，跳过 {last.counts.skipped}
          </Text>
        )}
        <ScrollArea>
          <Table striped highlightOnHover data-testid="report-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>机关</Table.Th>
                <Table.Th>年度</Table.Th>
                <Table.Th>格式</Table.Th>
                <Table.Th>文件</Table.Th>
                <Table.Th>页数</Table.Th>
                <Table.Th>表格单元</Table.Th>
                <Table.Th>结构问题</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reports.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    {r.agency ?? '（未识别）'}
                    {r.identity === 'sibling' && (
                      <Badge ml="xs" size="xs" variant="light">
                        取自同内容文件
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{r.year ?? '—'}</Table.Td>
                  <Table.Td>{r.template ? `${r.template} 版` : '—'}</Table.Td>
                  <Table.Td>{r.file}</Table.Td>
                  <Table.Td>{r.pages ?? '—'}</Table.Td>
                  <Table.Td>
                    {r.cellsRead}/{r.cellsTotal}
                  </Table.Td>
                  <Table.Td>{r.problems}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </AppShell.Main>
    </AppShell>
  )
}
