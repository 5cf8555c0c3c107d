/**
 * Tables 二, 三 and 四 drawn in the official layout from the layout data the backend sends,
 * each cell coloured by the most severe open finding on it.
 */
import { Text, Tooltip } from '@mantine/core'
import type { CellDto, ReportDetail, SeverityName, TableLayoutDto } from '../../../shared/contract'
import { fmtNumber, SEVERITY_LABEL } from '../labels'

export interface TablesProps {
  detail: ReportDetail
  severityOf: Map<string, SeverityName>
  /** Cells of the selected finding. */
  marked: Set<string>
  selectedCell: string | null
  onCell: (key: string) => void
}

export function Tables(props: TablesProps) {
  return (
    <div className="tables" data-testid="tables">
      {props.detail.layout.map((t, i) => (
        <OfficialTable key={i} layout={t} {...props} />
      ))}
    </div>
  )
}

function OfficialTable({ layout, detail, severityOf, marked, selectedCell, onCell }: TablesProps & { layout: TableLayoutDto }) {
  const labelled = layout.rows.some((r) => r.label)
  const width = Math.max(...layout.rows.map((r) => r.keys.length))
  return (
    <div className="official-table" data-table={layout.table}>
      <Text size="sm" fw={600} mb={4}>
        {layout.title}
      </Text>
      <table>
        <thead>
          {layout.header.map((row, i) => (
            <tr key={i}>
              {row.map((h, j) => (
                <th key={j} colSpan={h.colSpan} rowSpan={h.rowSpan} className={i === 0 && j === 0 && labelled ? 'label-head' : undefined}>
                  {h.text}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {layout.rows.map((row, i) => (
            <tr key={i} className={row.keys.length ? undefined : 'group-row'}>
              {labelled && (
                <th scope="row" className={`row-label depth-${row.depth}`} colSpan={row.keys.length ? 1 : width + 1}>
                  {row.label}
                </th>
              )}
              {row.keys.map((k, j) =>
                k ? (
                  <DataCell key={k} cellKey={k} cell={detail.cells[k]} label={detail.keyLabels[k] ?? k} severity={severityOf.get(k)} marked={marked.has(k)} selected={selectedCell === k} onCell={onCell} />
                ) : (
                  <td key={j} />
                )
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function DataCell(props: { cellKey: string; cell: CellDto | undefined; label: string; severity?: SeverityName; marked: boolean; selected: boolean; onCell: (k: string) => void }) {
  const { cell, severity } = props
  const cls = ['cell', severity ? `sev-${severity}` : '', props.marked ? 'marked' : '', props.selected ? 'selected' : '', cell?.correction ? 'corrected' : '', !cell || cell.value === null ? 'empty' : '']
    .filter(Boolean)
    .join(' ')
  const tip = [
    props.label,
    cell ? `读取：${cell.raw || '（空）'}` : '未读到此单元格',
    cell?.correction ? `已更正：原值 ${fmtNumber(cell.correction.original)} → ${fmtNumber(cell.value)}（${cell.correction.by}）` : '',
    severity ? `有${SEVERITY_LABEL[severity]}` : ''
  ]
    .filter(Boolean)
    .join('\n')
  return (
    <td className={cls} data-key={props.cellKey} data-severity={severity ?? ''} onClick={() => props.onCell(props.cellKey)}>
      <Tooltip label={<span style={{ whiteSpace: 'pre-line' }}>{tip}</span>} openDelay={500} multiline maw={360}>
        <button type="button" className="cell-button" aria-label={props.label}>
          {cell ? (cell.value === null ? (cell.status === 'lost' ? '缺' : '空') : fmtNumber(cell.value)) : '缺'}
        </button>
      </Tooltip>
    </td>
  )
}
