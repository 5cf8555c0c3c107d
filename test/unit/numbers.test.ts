import { describe, expect, it } from 'vitest'
import { parseValueToken } from '../../src/core/text/numbers'

describe('parseValueToken', () => {
  it.each([
    ['0', 0, 0],
    ['116', 116, 0],
    ['6,855', 6855, 0],
    ['3,755.52', 3755.52, 2],
    ['20587.3303', 20587.3303, 4],
    ['-213', -213, 0],
    ['－5', -5, 0],
    ['２０', 20, 0],
    ['+3', 3, 0],
    ['26件', 26, 0],
    ['1,024 件', 1024, 0],
    ['0.52万元', 0.52, 2]
  ])('reads %s', (text, value, decimals) => {
    expect(parseValueToken(text)).toEqual({ kind: 'number', value, decimals })
  })
  it.each(['-', '/', '无', '—', '——', '--', '―', '－－', '— —', '⸺', '⸻'])('treats %s as a placeholder, not 0', (t) => {
    expect(parseValueToken(t)).toEqual({ kind: 'placeholder' })
  })
  it.each(['1.', '2023年', '6,85', '1,2345', '（一）', '第二十条', '3.其他', '', '件', '1200元', '第3项'])('rejects %s', (t) => {
    expect(parseValueToken(t)).toBeNull()
  })
})
