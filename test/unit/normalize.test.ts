import { describe, expect, it } from 'vitest'
import { joinFragments, matchForm, normalizeGlyphs } from '../../src/core/text/normalize'

describe('normalizeGlyphs', () => {
  it('maps Kangxi radicals to the unified ideographs a simplified report means', () => {
    // As printed by a browser engine: ⼒ for 力, ⽣ for 生, ⼆ for 二, ⾏ for 行.
    expect(normalizeGlyphs('⼈⼒资源和社会保障局⾏政⼆')).toBe('人力资源和社会保障局行政二')
  })
  it('prefers simplified characters where NFKC would give a traditional one', () => {
    expect(normalizeGlyphs('门⼾网站')).toBe('门户网站')
    expect(normalizeGlyphs('⾨')).toBe('门')
    expect('⼾'.normalize('NFKC')).toBe('戶') // the reason for the override
  })
  it('maps CJK radical supplement characters that NFKC leaves alone', () => {
    expect(normalizeGlyphs('⼈⺠群众')).toBe('人民群众')
    expect(normalizeGlyphs('⻝品安全')).toBe('食品安全')
    expect(normalizeGlyphs('⻔户')).toBe('门户')
  })
  it('leaves ordinary text, punctuation and width untouched', () => {
    const s = '（一）予以公开，全年 6,855 件。'
    expect(normalizeGlyphs(s)).toBe(s)
  })
})

describe('matchForm', () => {
  it('folds width, brackets and whitespace so printed variants compare equal', () => {
    expect(matchForm('（一） 予以公开')).toBe(matchForm('(一)予以公开'))
    expect(matchForm('结果 维持')).toBe('结果维持')
    expect(matchForm('2023 年')).toBe('2023年')
  })
})

describe('joinFragments', () => {
  it('joins CJK without spaces and Latin with one', () => {
    expect(joinFragments(['安全生', '产'])).toBe('安全生产')
    expect(joinFragments(['IPv6', 'upgrade'])).toBe('IPv6 upgrade')
  })
})
