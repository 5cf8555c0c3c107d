/**
 * The date and address of publication a document shows (a copy of the agency's web page),
 * offered to the auditor for the deadline checks.
 */
import { describe, expect, it } from 'vitest'
import { printedPublication } from '../../src/core/extract/publication'

describe('printedPublication', () => {
  it('reads the labelled date of a web page in the forms sites print it', () => {
    expect(printedPublication('发布时间：2024-01-19 10:32:05  来源：本站').date).toBe('2024-01-19')
    expect(printedPublication('发布日期: 2024年1月9日').date).toBe('2024-01-09')
    expect(printedPublication('发布机构：某县人民政府办公室\t生成日期：2024/1/9\t主题分类：政务公开').date).toBe('2024-01-09')
    expect(printedPublication('公开日期 2024.01.31').date).toBe('2024-01-31')
    expect(printedPublication('发布时间：2024-01-19 10:32  来源：本站')).toMatchObject({ dateQuote: '发布时间：2024-01-19 10:32' })
  })

  it('takes no unlabelled date: the sign-off is when the report was signed, 成文日期 when it was written', () => {
    expect(printedPublication('某县人民政府\n2024年1月19日\n').date).toBeNull()
    expect(printedPublication('成文日期：2024-01-15').date).toBeNull()
    // No such day: the next labelled date is taken instead.
    expect(printedPublication('发布日期：2024-02-30\n发布时间：2024-03-01').date).toBe('2024-03-01')
  })

  it('reads the address of a government site, and no other', () => {
    expect(printedPublication('https://www.example.com/a.html\n本页网址：http://www.xx.gov.cn/zwgk/2024/t1.html，').url).toBe('http://www.xx.gov.cn/zwgk/2024/t1.html')
    expect(printedPublication('https://www.example.com/a.html').url).toBeNull()
  })
})
