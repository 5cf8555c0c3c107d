import { T3_ROW_LABELS } from '../../src/core/model/keys'
import { matchForm } from '../../src/core/text/normalize'

/** A table-3 row's official label in match form, without the group text before its own numbering. */
export function officialLeaf(rowKey: string): string {
  return matchForm(T3_ROW_LABELS[rowKey]).replace(/^.*?(\d+\.|（[一二三四五六七]）|[一二三四]、)/, '')
}
