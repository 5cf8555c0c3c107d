/**
 * The title finder: agency and year from the title as real reports print it (wrapped, year
 * first, in Chinese numerals, under a letterhead or a breadcrumb, or naming no agency, when the
 * sign-off names it), and the S10/Y01 findings on such titles.
 */
import { describe, expect, it } from 'vitest'
import type { DocLine } from '../../src/core/extract/doc'
import { findTitle, signOffAgency } from '../../src/core/extract/structure'
import { txtToDoc } from '../../src/core/text/read-txt'
import { check, seedReport } from '../helpers/rules'

/** A PDF line as read from a page: its text, size and baseline. */
function pdfLine(text: string, fontSize: number, baseline: number): DocLine {
  const box: [number, number, number, number] = [100, baseline - 0.2 * fontSize, 100 + fontSize * text.length, baseline + 0.85 * fontSize]
  const source = { kind: 'pdf' as const, page: 1, box }
  return { words: [{ text, raw: text, source }], text, raw: text, source, page: 1, baseline, fontSize }
}

describe('the title finder in PDF lines (font sizes known)', () => {
  it('does not take a smaller line above the title (a first-page header) as part of it', () => {
    const t = findTitle([
      pdfLine('大理市人民政府办公室', 10.5, 800),
      pdfLine('大理市人民政府2019年政府信息公开工作年度报告', 18, 760),
      pdfLine('一、总体情况', 16, 720)
    ])
    expect(t?.agency).toBe('大理市人民政府')
    expect(t?.title).toBe('大理市人民政府2019年政府信息公开工作年度报告')
    expect(t?.lastLine).toBe(1)
  })

  it('joins an agency set smaller above a title that names none', () => {
    const t = findTitle([pdfLine('九江市濂溪区交通运输局', 16, 780), pdfLine('2022年政府信息公开工作年度报告', 22, 750)])
    expect(t?.agency).toBe('九江市濂溪区交通运输局')
    expect(t?.lastLine).toBe(1)
  })

  it('joins a title wrapped over two lines of the same size', () => {
    const t = findTitle([
      pdfLine('国家税务总局九江市', 18, 780),
      pdfLine('濂溪区税务局2022年政府信息公开工作年度报告', 18, 755)
    ])
    expect(t?.agency).toBe('国家税务总局九江市濂溪区税务局')
    expect(t?.year).toBe(2022)
  })

  it('joins a title set large on a cover over four lines', () => {
    const t = findTitle([
      pdfLine('国家税务总局九江市', 26, 700),
      pdfLine('濂溪区税务局', 26, 660),
      pdfLine('2022年政府信息公开', 26, 620),
      pdfLine('工作年度报告', 26, 580),
      pdfLine('一、总体情况', 16, 500)
    ])
    expect(t).toMatchObject({ agency: '国家税务总局九江市濂溪区税务局', year: 2022, lastLine: 3 })
  })
})

/** Title, agency and year read from the top of a TXT report. */
function titleOf(text: string) {
  const t = findTitle(txtToDoc(`${text}\n一、总体情况\n2023年，本机关认真贯彻《条例》。\n`).lines)
  return t && { title: t.title, agency: t.agency, year: t.year }
}

describe('the title finder in TXT lines', () => {
  it('in TXT, skips a line above the title when the next line is a title by itself', () => {
    const crumb = txtToDoc('首页 > 政务公开 > 大理市人民政府\n大理市人民政府2019年政府信息公开工作年度报告\n一、总体情况\n')
    expect(findTitle(crumb.lines)?.agency).toBe('大理市人民政府')

    const wrapped = txtToDoc('湖州市吴兴区人民政府办公室（区政务服务管理局）\n2023年政府信息公开工作年度报告\n一、总体情况\n')
    expect(findTitle(wrapped.lines)?.agency).toBe('湖州市吴兴区人民政府办公室（区政务服务管理局）')
  })

  it('reads titles that put the year first, in brackets, or in Chinese numerals', () => {
    expect(titleOf('2023年度上海市黄浦区人民政府政府信息公开工作年度报告')).toMatchObject({ agency: '上海市黄浦区人民政府', year: 2023 })
    // One 政府 serves both the agency and the report's name.
    expect(titleOf('2023年上海市黄浦区人民政府信息公开工作年度报告')).toMatchObject({ agency: '上海市黄浦区人民政府', year: 2023 })
    expect(titleOf('2022年度九江市某某局政府信息公开工作年度报告')).toMatchObject({ agency: '九江市某某局', year: 2022 })
    expect(titleOf('（2023年）九江市某某局政府信息公开工作年度报告')).toMatchObject({ agency: '九江市某某局', year: 2023 })
    expect(titleOf('九江市濂溪区交通运输局二〇二二年政府信息公开工作年度报告')).toMatchObject({ agency: '九江市濂溪区交通运输局', year: 2022 })
    expect(titleOf('二〇二三年度九江市柴桑区人民政府\n政府信息公开工作年度报告')).toMatchObject({ agency: '九江市柴桑区人民政府', year: 2023 })
  })

  it('joins an agency line to a title that names none, but not a breadcrumb', () => {
    expect(titleOf('上海市黄浦区人民政府\n2022年政府信息公开工作年度报告')).toEqual({
      title: '上海市黄浦区人民政府2022年政府信息公开工作年度报告',
      agency: '上海市黄浦区人民政府',
      year: 2022
    })
    expect(titleOf('首页 > 政务公开 > 大理市人民政府\n2019年政府信息公开工作年度报告')).toEqual({
      title: '2019年政府信息公开工作年度报告',
      agency: null,
      year: 2019
    })
  })

  it('joins a place line to a title whose agency names only the kind of body', () => {
    const whole = { title: '辉县市人民政府2023年政府信息公开工作年度报告', agency: '辉县市人民政府', year: 2023 }
    expect(titleOf('辉县市\n人民政府\n2023年政府信息公开\n工作年度报告')).toEqual(whole)
    expect(titleOf('辉县市\n人民政府2023年政府信息公开工作年度报告')).toEqual(whole)
    // A letterhead above a whole title stays out of it.
    expect(titleOf('辉县市人民政府办公室文件\n辉县市人民政府2023年政府信息公开工作年度报告')).toEqual(whole)
  })

  it('reads a title with 关于 after the agency, and one printed whole in book-title marks', () => {
    expect(titleOf('辉县市人民政府关于2023年政府信息公开工作年度报告')).toMatchObject({ agency: '辉县市人民政府', year: 2023 })
    // The marks are the web page's, not the title's: S10 is not to see them.
    expect(titleOf('《辉县市人民政府2023年政府信息公开工作年度报告》')).toEqual({ title: '辉县市人民政府2023年政府信息公开工作年度报告', agency: '辉县市人民政府', year: 2023 })
  })

  it('reads the title from the file card of a 信息公开目录 page (名称：…), below its other fields', () => {
    const card = [
      '索引号：11410782MB1C56789X/2024-00012\t主题分类：政务公开',
      '发布机构：辉县市人民政府办公室\t生成日期：2024-01-19',
      '文号：\t',
      '名称：辉县市人民政府 2023 年政府信息公开工作年度报告'
    ].join('\n')
    expect(titleOf(card)).toEqual({ title: '辉县市人民政府2023年政府信息公开工作年度报告', agency: '辉县市人民政府', year: 2023 })
    expect(titleOf('标题：《辉县市人民政府2023年政府信息公开工作年度报告》')).toMatchObject({ title: '辉县市人民政府2023年政府信息公开工作年度报告' })
  })

  it('reads titles that print the year after the report\'s name, or word the name otherwise', () => {
    const whole = { agency: '辉县市人民政府', year: 2023 }
    expect(titleOf('辉县市人民政府政府信息公开工作年度报告（2023年）')).toMatchObject(whole)
    expect(titleOf('辉县市人民政府政府信息公开工作年度报告(2023年度)')).toMatchObject(whole)
    expect(titleOf('辉县市人民政府政府信息公开工作2023年度报告')).toMatchObject(whole)
    // One 政府 serves both, as in titles that put the year first.
    expect(titleOf('辉县市人民政府信息公开工作年度报告（2023年）')).toMatchObject(whole)
    // A cover: agency, report's name and year each on a line of its own.
    expect(titleOf('辉县市人民政府\n政府信息公开工作年度报告\n（2023年）')).toEqual({ title: '辉县市人民政府政府信息公开工作年度报告（2023年）', ...whole })
    expect(titleOf('辉县市人民政府关于2023年政府信息公开工作的年度报告')).toMatchObject(whole)
    expect(titleOf('辉县市人民政府2023年政府信息公开工作情况年度报告')).toMatchObject(whole)
    expect(titleOf('辉县市人民政府2023年度政府信息公开工作情况报告')).toMatchObject(whole)
    // No agency before the name: the sign-off gives it, and a sentence is still no title.
    expect(titleOf('政府信息公开工作年度报告（2023年）')).toMatchObject({ agency: null, year: 2023 })
    expect(titleOf('根据要求，现将政府信息公开工作年度报告（2023年）公布')).toBeNull()
  })

  it('finds the title below a whole web page\'s menu, breadcrumb and file card, above the first section', () => {
    const menu = ['无障碍', '长者模式', '辉县市人民政府', '首页', '政务公开', '政务服务', '互动交流', '走进辉县', '专题专栏', '站内搜索', '请输入关键字', '搜索']
    const card = ['热门搜索：政府信息公开 年报', '当前位置：首页 > 政务公开 > 政府信息公开年报', '索引号：', '11410782MB1C56789X/2024-00012', '发布机构：', '辉县市人民政府办公室', '生成日期：', '2024-01-19', '名称：']
    const page = [...menu, ...card, '辉县市人民政府 2023 年政府信息公开工作年度报告', '字号：', '大', '中', '小', '打印本页'].join('\n')
    expect(page.split('\n').length).toBeGreaterThan(25)
    expect(titleOf(page)).toEqual({ title: '辉县市人民政府2023年政府信息公开工作年度报告', agency: '辉县市人民政府', year: 2023 })
    // Below the first section, a line naming the report is body text, however near the top.
    const late = ['一、总体情况', ...Array.from({ length: 20 }, (_, i) => `第 ${i + 1} 行正文`), '辉县市人民政府2023年政府信息公开工作年度报告'].join('\n')
    expect(findTitle(txtToDoc(late).lines)).toBeNull()
  })

  it('takes the agency of a title that names none from the sign-off', () => {
    const body = '2022年政府信息公开工作年度报告\n一、总体情况\n正文。\n六、其他需要报告的事项\n无。\n九江市濂溪区交通运输局\n2023 年 1 月 20 日\n'
    const t = findTitle(txtToDoc(body).lines)
    expect(t).toMatchObject({ agency: '九江市濂溪区交通运输局', year: 2022 })
    expect(signOffAgency(txtToDoc('正文。\n中共某某县委办公室（县政府办公室）\n二〇二三年一月五日\n').lines)).toBe('中共某某县委办公室（县政府办公室）')
    // A closing sentence is no sign-off.
    expect(signOffAgency(txtToDoc('特此报告，请审阅。\n2023年1月20日\n').lines)).toBe('')
  })

  it('does not read a body sentence that opens with a year as a title', () => {
    expect(titleOf('2022年，我局政府信息公开工作年度报告如下')).toBeNull()
    // Nor one that quotes the report's name after an address.
    expect(titleOf('各乡镇人民政府，县政府各部门：现将《南漳县人民政府2023年政府信息公开工作年度报告》印发给你们')).toBeNull()
  })
})

describe('a report issued under a covering notice (红头文件 关于印发《…》的通知)', () => {
  const notice = [
    '南漳县人民政府办公室文件',
    '漳政办发〔2024〕3号',
    '南漳县人民政府办公室关于印发《南漳县人民政府2023年政府信息公开工作年度报告》的通知',
    '各乡镇人民政府，县政府各部门，各有关单位：',
    '现将《南漳县人民政府2023年政府信息公开工作年度报告》印发给你们，请结合实际认真贯彻落实。',
    '南漳县人民政府办公室',
    '2024年1月20日'
  ]

  it("takes the report's own title after the notice, not the notice's", () => {
    const lines = txtToDoc([...notice, '南漳县人民政府2023年政府信息公开工作年度报告', '一、总体情况', '正文。', ''].join('\n')).lines
    const t = findTitle(lines)
    expect(t).toMatchObject({ title: '南漳县人民政府2023年政府信息公开工作年度报告', agency: '南漳县人民政府', year: 2023, lastLine: 7 })
  })

  it('takes the name the notice quotes when the report that follows prints no title', () => {
    const lines = txtToDoc([...notice, '一、总体情况', '正文。', ''].join('\n')).lines
    const t = findTitle(lines)
    expect(t).toMatchObject({ title: '南漳县人民政府2023年政府信息公开工作年度报告', agency: '南漳县人民政府', year: 2023, lastLine: 2 })
    // Its source is the notice's title line, where the name is printed.
    expect(t?.source).toEqual(lines[2].source)
  })
})

describe('S10 and Y01 on such titles', () => {
  const cases: Array<[string, RegExp]> = [
    ['2023年度上海市黄浦区人民政府政府信息公开工作年度报告', /年份应写在机关名称之后/],
    ['2022年政府信息公开工作年度报告', /标题缺少机关名称/],
    ['九江市濂溪区交通运输局二〇二二年政府信息公开工作年度报告', /年份应写作阿拉伯数字/],
    ['九江市濂溪区交通运输局政府信息公开工作年度报告（2022年）', /年份应写在机关名称之后、“政府信息公开工作年度报告”之前/],
    ['九江市濂溪区交通运输局政府信息公开工作2022年度报告', /年份应写在机关名称之后、“政府信息公开工作年度报告”之前/],
    ['政府信息公开工作年度报告（2022年）', /标题缺少机关名称/]
  ]
  it.each(cases)('%s', async (title, why) => {
    const r = await seedReport('001.txt')
    r.title = title
    const findings = check(r)
    expect(findings.find((f) => f.rule === 'S10')?.message).toMatch(why)
    // The year is there, in whatever numerals: Y01 has nothing to say.
    expect(findings.filter((f) => f.rule === 'Y01')).toEqual([])
  })
})
