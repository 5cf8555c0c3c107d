/**
 * 同比: the same agency's previous report beside this one, table by table, with the changes
 * marked and the cross-year findings (上年结转 vs 结转下年度, 现行有效件数 balance).
 */
import { Badge, Button, Group, Switch, Text } from '@mantine/core'
import { Fragment, useState } from 'react'
import type { ComparisonDto } from '../../../shared/contract'
import { fmtNumber, SEVERITY_COLOR, SEVERITY_LABEL } from '../labels'

const TABLE_NAMES = { t2: '表二 主动公开', t3: '表三 依申请公开', t4: '表四 复议诉讼' } as const

export function YearOverYear({ comparison, onOpen }: { comparison: ComparisonDto | null; onOpen: (id: number) => void }) {
  const [changedOnly, setChangedOnly] = useState(true)
  if (!comparison) return <Text c="dimmed">正在读取…</Text>
  const { previous, current } = comparison
  if (!previous)
    return (
      <Text c="dimmed" p="md" data-testid="yoy-none">
        工作区中没有{current.agency ?? '该机关'} {current.year ? `${current.year - 1} 年` : '上一年度'}的报告（按机关名称及其别名匹配）。导入上年报告后可在此对照。
      </Text>
    )
  const rows = comparison.rows.filter((r) => !changedOnly || r.delta !== 0)
  return (
    <div className="yoy" data-testid="yoy">
      <Group gap="xs" mb="xs">
        <Text size="sm">
          对照：<b>{previous.agency}</b> {previous.year} 年（{previous.file}）
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={() => onOpen(previous.id)}>
          打开上年报告
        </Button>
        <Switch size="xs" ml="auto" checked={changedOnly} onChange={(e) => setChangedOnly(e.currentTarget.checked)} label="只看有变化的项目" />
      </Group>
      {comparison.findings.length > 0 && (
        <div className="yoy-findings">
          {comparison.findings.map((f) => (
            <Group key={f.id} gap={6} wrap="nowrap" mb={4} data-testid="yoy-finding">
              <Badge color={SEVERITY_COLOR[f.severity]} size="sm">
                {SEVERITY_LABEL[f.severity]}
              </Badge>
              <Text size="xs" ff="monospace" fw={600}>
                {f.rule}
              </Text>
              <Text size="sm">{f.message}</Text>
            </Group>
          ))}
        </div>
      )}
      <table className="yoy-table">
        <thead>
          <tr>
            <th>项目</th>
            <th>{previous.year} 年</th>
            <th>{current.year} 年</th>
            <th>增减</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <Fragment key={r.key}>
              {(i === 0 || rows[i - 1].table !== r.table) && (
                <tr className="group-row">
                  <th colSpan={4}>{TABLE_NAMES[r.table]}</th>
                </tr>
              )}
              <tr className={r.delta === null ? 'yoy-unknown' : r.delta !== 0 ? 'yoy-changed' : undefined} data-key={r.key}>
                <td>{r.label}</td>
                <td className="num">{fmtNumber(r.previous)}</td>
                <td className="num">{fmtNumber(r.current)}</td>
                <td className={`num${r.delta && r.delta > 0 ? ' up' : r.delta && r.delta < 0 ? ' down' : ''}`}>{r.delta === null ? '—' : r.delta > 0 ? `+${fmtNumber(r.delta)}` : fmtNumber(r.delta)}</td>
              </tr>
            </Fragment>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <Text c="dimmed">两年数据没有变化</Text>}
    </div>
  )
}
