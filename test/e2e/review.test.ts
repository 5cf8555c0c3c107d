/**
 * The review workspace for real: the built renderer in headless Chromium, against the real
 * handlers on a real SQLite workspace (over the loopback bridge). Import the seed folder, open
 * 000, find 本年度止件数 flagged, follow it to the source, confirm it with a comment, correct a
 * cell, pick a cell from the source, review from the keyboard, reload, and find it all still there.
 * Screenshots go to test/artifacts.
 */
import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestPaths } from '../../src/core/ingest/ingest'
import type { ParsePool } from '../../src/core/ingest/pool'
import { listCorrections } from '../../src/core/review/corrections'
import { listFindings } from '../../src/core/review/findings'
import { getReportMeta } from '../../src/core/review/settings'
import { loadReport } from '../../src/core/store/read'
import { Store } from '../../src/core/store/store'
import { createSourcePool } from '../../src/node/workers'
import { FIXTURES, ROOT, SEEDS, tempDir } from '../helpers/paths'
import { startBridge, type Bridge } from './bridge'
import { chromiumAvailable, launchChromium } from './browser'
import { ensureRendererBuild } from './build'

const ARTIFACTS = path.join(ROOT, 'test/artifacts')
// In CI the browser must be there (.ci/run installs it): a missing one fails instead of skipping.
const suite = chromiumAvailable() || process.env.CI ? describe : describe.skip

/** The seed folder as a county would hand it over, plus last year's report of 辉县市 under another spelling. */
function importFolder(dir: string): string {
  const folder = path.join(dir, '各单位年报')
  fs.mkdirSync(folder)
  for (const f of fs.readdirSync(SEEDS)) if (/\.(pdf|txt)$/.test(f)) fs.copyFileSync(path.join(SEEDS, f), path.join(folder, f))
  const y2023 = fs.readFileSync(path.join(SEEDS, '001.txt'), 'utf8')
  const y2022 = y2023
    .replace('辉县市人民政府 2023 年政府信息公开工作年度报告', '新乡市辉县市人民政府2022年政府信息公开工作年度报告')
    .replace(/2023 年/g, '2022 年')
    .replace(/四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0/, '四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2')
  expect(y2022).toContain('结转下年度继续办理\t\t2')
  fs.writeFileSync(path.join(folder, '辉县市2022.txt'), y2022)
  // What macOS leaves beside a file copied on a Mac: skipped, and the summary says so.
  fs.writeFileSync(path.join(folder, '._000.ruled.pdf'), Buffer.concat([Buffer.from([0, 5, 22, 7]), Buffer.alloc(4092)]))
  // A report sent in as a Word document: not read, but named in the summary with what to do.
  fs.writeFileSync(path.join(folder, '某县教育局2023年年报.docx'), 'PK')
  return folder
}

suite('review workspace in Chromium against the real handlers', () => {
  let dir: string
  let dbFile: string
  let store: Store
  let pool: ParsePool
  let bridge: Bridge
  let browser: Browser
  let page: Page
  const pageErrors: string[] = []
  /** What the import dialog answers, when not the county's folder. */
  let chosen: string[] | null = null

  beforeAll(async () => {
    const rendererDir = ensureRendererBuild()
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    dir = tempDir('dra-e2e-')
    const folder = importFolder(dir)
    dbFile = path.join(dir, 'ws.sqlite')
    store = Store.open(dbFile)
    pool = createSourcePool(2)
    bridge = await startBridge({
      store,
      pool,
      rendererDir,
      host: {
        choosePaths: async () => chosen ?? [folder],
        chooseSavePath: async ({ defaultName }) => path.join(dir, defaultName),
        chooseWorkspace: async () => null,
        samplesDir: path.join(ROOT, 'resources/samples')
      }
    })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()))
  })

  afterAll(async () => {
    await browser?.close()
    await bridge?.close()
    await pool?.close()
  })

  /** Imports one file through the import button (the host's dialog answers with it); waits for the summary to say `summary`. */
  const importThrough = async (file: string, summary: string) => {
    chosen = [file]
    await page.goto(bridge.url)
    await page.getByTestId('import-folder').first().click()
    await expect.poll(() => page.getByTestId('last-import').innerText(), { timeout: 60_000 }).toContain(summary)
  }
  const reportIdOf = (file: string) => (store.db.prepare('SELECT r.id FROM reports r JOIN documents d ON d.id = r.document_id WHERE d.file_name = ?').get(file) as { id: number }).id

  it('offers the bundled sample on a first start, then imports a folder with progress', async () => {
    await page.goto(bridge.url)
    await page.getByTestId('welcome').waitFor()
    expect(await page.getByTestId('open-sample').isVisible()).toBe(true)

    await page.getByTestId('import-folder').first().click()
    await page.getByTestId('last-import').waitFor({ timeout: 120_000 })
    const summary = await page.getByTestId('last-import').innerText()
    expect(summary).toMatch(/成功 21，需 OCR 2，错误 0/)
    // The progress bar goes with the result, and a progress event that comes after it does not bring it back.
    await page.waitForTimeout(500)
    expect(await page.getByTestId('ingest-progress').count()).toBe(0)
    expect(summary).toContain('另有 1 个 Word/WPS 文档（某县教育局2023年年报.docx；请另存为 PDF 后导入）、1 个隐藏或系统文件（如 Mac 附带的 ._ 文件）未导入')
    // Progress was pushed for every file, with the current file's name.
    const progress = bridge.events.filter((e) => e.event === 'ingest:progress').map((e) => e.payload as { done: number; total: number; current: string | null })
    expect(progress.at(-1)).toMatchObject({ done: 23, total: 23 })
    expect(progress.some((p) => p.current === '000.ruled.pdf')).toBe(true)

    await expect.poll(() => page.getByTestId('library-count').innerText()).toMatch(/显示 23 \/ 23 份/)
    const ocr = page.getByTestId('library-row').filter({ hasText: '001.scanned.pdf' })
    expect(await ocr.innerText()).toContain('需 OCR')
    await page.screenshot({ path: path.join(ARTIFACTS, 'library.png') })

    // Filter and search narrow the list.
    await page.getByLabel('状态').selectOption('needs_ocr')
    await expect.poll(() => page.getByTestId('library-count').innerText()).toMatch(/显示 2 \/ 23 份/)
    await page.getByLabel('状态').selectOption('')
    await page.getByTestId('library-search').fill('鲁山')
    await expect.poll(() => page.getByTestId('library-row').count()).toBe(4)
    await page.getByTestId('library-search').fill('')
  })

  it('opens 000, follows 本年度止件数 (L01) to its page and box, and confirms it with a comment', async () => {
    const id = reportIdOf('000.ruled.pdf')
    await page.getByTestId('library-row').filter({ hasText: '000.ruled.pdf' }).locator('a').click()
    await expect.poll(() => page.getByTestId('review-title').innerText()).toContain('新乡经济技术开发区')
    expect(page.url()).toContain(`#/report/${id}`)

    const l01 = listFindings(store, id).find((f) => f.rule === 'L01' && f.status === 'open')!
    expect(l01.message).toContain('本年度止件数')
    expect(l01.page).toBeGreaterThan(0)
    const item = page.locator(`[data-testid=finding][data-id="${l01.id}"]`)
    await item.click()
    const highlight = page.getByTestId('source-highlight')
    await highlight.waitFor()
    // The highlight sits on the finding's page, drawn, in view, over the text of the label.
    const pageEl = page.locator(`.pdf-page[data-page="${l01.page}"]`)
    expect(await highlight.evaluate((el) => el.closest<HTMLElement>('.pdf-page')?.dataset.page)).toBe(String(l01.page))
    await expect.poll(() => pageEl.getAttribute('data-drawn')).toBe('yes')
    const [hb, sb] = [await highlight.boundingBox(), await page.getByTestId('pdf-scroller').boundingBox()]
    expect(hb!.y).toBeGreaterThanOrEqual(sb!.y)
    expect(hb!.y + hb!.height).toBeLessThanOrEqual(sb!.y + sb!.height)
    const underBox = await page.evaluate(
      ({ x, y, w, h }) => {
        const spans = Array.from(document.querySelectorAll<HTMLElement>('.textLayer span')).filter((s) => {
          const r = s.getBoundingClientRect()
          return r.right > x && r.left < x + w && r.bottom > y && r.top < y + h
        })
        return spans.map((s) => s.textContent).join('')
      },
      { x: hb!.x, y: hb!.y, w: hb!.width, h: hb!.height }
    )
    expect(underBox.normalize('NFKC')).toContain('止件数')
    // The flagged cells are coloured in the tables.
    for (const key of l01.cells) expect(await page.locator(`.tables [data-key="${key}"]`).getAttribute('data-severity')).toBe(l01.severity)
    await page.screenshot({ path: path.join(ARTIFACTS, 'review-pdf.png') })

    await item.getByRole('button', { name: '确认 (C)' }).click()
    await expect.poll(() => item.getByTestId('review-badge').innerText()).toBe('确认')
    await item.getByTestId('finding-comment').fill('表二第（一）项列名应为“本年废止件数”，请按国办格式更正。')
    await item.getByTestId('finding-comment').press('Control+Enter')
    await expect.poll(() => listFindings(store, id).find((f) => f.id === l01.id)!.comment).toBe('表二第（一）项列名应为“本年废止件数”，请按国办格式更正。')
    const stored = listFindings(store, id).find((f) => f.id === l01.id)!
    expect(stored.review).toBe('confirmed')
    expect(stored.reviewer).toBe('审查员')
    expect(await item.getByTestId('finding-reviewed').innerText()).toMatch(/审查员 于 \d{4}-\d{2}-\d{2}/)
  })

  it('corrects a cell: the original is kept, the checks re-run on the corrected value', async () => {
    const id = reportIdOf('000.ruled.pdf')
    const before = loadReport(store, id)!.cells['t3.new.total'].value!
    await page.locator('.tables [data-key="t3.new.total"]').click()
    await page.getByTestId('cell-panel').waitFor()
    await page.getByTestId('correct-value').fill(String(before + 5))
    await page.getByTestId('correct-reason').fill('核对原文')
    await page.getByTestId('correct-save').click()
    await page.getByTestId('cell-correction').waitFor()
    expect(await page.getByTestId('cell-correction').innerText()).toContain(`原值 ${before} → ${before + 5}`)
    expect(loadReport(store, id)!.cells['t3.new.total'].value).toBe(before) // the extraction stays as read
    expect(listCorrections(store, id)[0]).toMatchObject({ key: 't3.new.total', original: before, value: before + 5, active: true })
    // 第一项 + 第二项 ≠ 第三项 + 第四项 now: T3-01 names the corrected cell and colours it.
    const t301 = listFindings(store, id).find((f) => f.rule === 'T3-01' && f.status === 'open' && f.cells.includes('t3.new.total'))
    expect(t301?.message).toMatch(/相差 5 件/)
    await expect.poll(() => page.locator('.tables [data-key="t3.new.total"]').getAttribute('data-severity')).toBe('error')
    await page.locator(`[data-testid=finding][data-id="${t301!.id}"]`).waitFor()
  })

  it('offers the value a table identity implies for a blank cell, and takes it as a correction', async () => {
    // 000's PDFs print the 其他 column of table 3's outcome rows blank: each row's 总计 pins it down.
    const id = reportIdOf('000.ruled.pdf')
    const key = 't3.open.other_org'
    expect(loadReport(store, id)!.cells[key].value).toBeNull()
    const t302 = () => listFindings(store, id).find((f) => f.rule === 'T3-02' && f.status === 'open' && f.identity === 'T3-02:incomplete')
    expect(t302()?.cells).toContain(key)
    await page.locator(`.tables [data-key="${key}"]`).click()
    await page.getByTestId('cell-implied').waitFor()
    expect(await page.getByTestId('cell-implied').innerText()).toContain('按表三行合计（总计 = 自然人 + 法人或其他组织各列）推算为 0（其余各项均为 0），请对照原文核实后采用')
    await page.getByTestId('cell-panel').screenshot({ path: path.join(ARTIFACTS, 'implied-value.png') })
    await page.getByTestId('implied-take').click()
    await page.getByTestId('cell-correction').waitFor()
    expect(listCorrections(store, id).find((c) => c.key === key)).toMatchObject({ original: null, value: 0, active: true, reason: '按表三行合计（总计 = 自然人 + 法人或其他组织各列）推算：其余各项均为 0' })
    // The identity is checked again with the value: the row is no longer among those it could not check.
    expect(t302()?.cells ?? []).not.toContain(key)
    expect(await page.getByTestId('cell-implied').count()).toBe(0)
  })

  it('maps a click in the source to the cell printed there', async () => {
    const id = reportIdOf('000.ruled.pdf')
    const cell = loadReport(store, id)!.cells['t3.carried.total']
    expect(cell.source?.kind).toBe('pdf')
    const src = cell.source as { kind: 'pdf'; page: number; box: [number, number, number, number] }
    const pageEl = page.locator(`.pdf-page[data-page="${src.page}"]`)
    await pageEl.scrollIntoViewIfNeeded()
    await expect.poll(() => pageEl.getAttribute('data-drawn')).toBe('yes')
    const scale = Number((await page.getByTestId('pdf-zoom').innerText()).replace('%', '')) / 100
    const box = (await pageEl.boundingBox())!
    const height = box.height / scale
    const [x0, y0, x1, y1] = src.box
    await page.mouse.click(box.x + ((x0 + x1) / 2) * scale, box.y + (height - (y0 + y1) / 2) * scale)
    await expect.poll(() => page.getByTestId('cell-panel').innerText()).toContain('t3.carried.total')
    expect(await page.locator('.tables [data-key="t3.carried.total"]').getAttribute('class')).toContain('selected')
  })

  it('adds an auditor finding on a cell, and reviews from the keyboard', async () => {
    const id = reportIdOf('000.ruled.pdf')
    await page.getByRole('button', { name: '就此单元格新增问题' }).click()
    await page.getByTestId('new-finding-message').fill('表三“上年结转”与上年报告不一致，需核实')
    await page.getByTestId('new-finding-save').click()
    await expect.poll(() => listFindings(store, id).filter((f) => f.origin === 'auditor').length).toBe(1)
    const own = listFindings(store, id).find((f) => f.origin === 'auditor')!
    expect(own.cells).toEqual(['t3.carried.total'])
    await page.locator(`[data-testid=finding][data-id="${own.id}"]`).waitFor()

    // Keyboard: move to the first finding, dismiss it (X), the selection moves on.
    const first = page.getByTestId('finding').first()
    const firstId = Number(await first.getAttribute('data-id'))
    await first.click()
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.keyboard.press('x')
    await expect.poll(() => listFindings(store, id).find((f) => f.id === firstId)!.review).toBe('dismissed')
    await expect.poll(async () => Number(await page.locator('[data-testid=finding][data-selected=true]').getAttribute('data-id'))).not.toBe(firstId)
    await page.keyboard.press('k')
    await expect.poll(async () => Number(await page.locator('[data-testid=finding][data-selected=true]').getAttribute('data-id'))).toBe(firstId)
    await page.keyboard.press('p')
    await expect.poll(() => listFindings(store, id).find((f) => f.id === firstId)!.review).toBe('pending')
    await page.keyboard.press('x')
    await expect.poll(() => listFindings(store, id).find((f) => f.id === firstId)!.review).toBe('dismissed')
  })

  it('after a reload everything is still there', async () => {
    const id = reportIdOf('000.ruled.pdf')
    const l01 = listFindings(store, id).find((f) => f.rule === 'L01' && f.status === 'open')!
    await page.reload()
    await expect.poll(() => page.getByTestId('review-title').innerText()).toContain('新乡经济技术开发区')
    const item = page.locator(`[data-testid=finding][data-id="${l01.id}"]`)
    expect(await item.getByTestId('review-badge').innerText()).toBe('确认')
    await item.click()
    expect(await item.getByTestId('finding-comment').inputValue()).toContain('本年废止件数')
    expect(await page.locator('.tables [data-key="t3.new.total"]').getAttribute('class')).toContain('corrected')
    expect(await page.getByTestId('finding').filter({ hasText: '与上年报告不一致' }).count()).toBe(1)
    // The header counts every open finding, whatever the list shows.
    // (L01, a confirmed warning, is not in the 待复核 list but still counts.)
    const counts = async () => [await page.getByTestId('count-error').innerText(), await page.getByTestId('count-warning').innerText()]
    const before = await counts()
    await page.locator('.findings-head').getByText('待复核', { exact: true }).click()
    await expect.poll(() => item.count()).toBe(0)
    expect(await counts()).toEqual(before)
    await page.locator('.findings-head').getByText('现存', { exact: true }).click()
    // A fresh connection to the file sees the same (nothing only in memory).
    const other = Store.open(dbFile)
    expect(listFindings(other, id).find((f) => f.id === l01.id)!.review).toBe('confirmed')
    expect(listCorrections(other, id).filter((c) => c.active).map((c) => c.key).sort()).toEqual(['t3.new.total', 't3.open.other_org'])
    other.close()
    await expect.poll(() => page.locator(`.pdf-page[data-page="${l01.page}"]`).getAttribute('data-drawn')).toBe('yes')
    await page.screenshot({ path: path.join(ARTIFACTS, 'review-after-reload.png') })
  })

  it('saves the review memo of the report from the review screen', async () => {
    await page.getByRole('button', { name: '审查意见…' }).click()
    await page.getByRole('menuitem', { name: /Word/ }).click()
    await expect.poll(() => page.getByTestId('notice').innerText()).toMatch(/已保存：.*年报审查意见\.docx/)
    const file = fs.readdirSync(dir).find((f) => f.endsWith('年报审查意见.docx'))!
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, file)))
    const xml = await zip.file('word/document.xml')!.async('string')
    expect(xml).toContain('新乡经济技术开发区人民政府2021年政府信息公开工作年度报告')
    expect(xml).toContain('本年废止件数')
  })

  it('shows the year-over-year view with the cross-year finding (X01), across name variants', async () => {
    await page.goto(`${bridge.url}#/report/${reportIdOf('001.txt')}`)
    await expect.poll(() => page.getByTestId('review-title').innerText()).toContain('辉县市')
    await page.getByTestId('txt-source').waitFor()
    await page.getByTestId('tab-yoy').click()
    await page.getByTestId('yoy').waitFor()
    expect(await page.getByTestId('yoy').innerText()).toContain('新乡市辉县市人民政府')
    const x01 = page.getByTestId('yoy-finding').filter({ hasText: 'X01' })
    expect(await x01.count()).toBeGreaterThan(0)
    expect(await x01.first().innerText()).toMatch(/相差 2 件/)
    expect(await page.locator('.yoy-table tr[data-key="t3.carry_next.total"]').count()).toBe(1)
    await page.screenshot({ path: path.join(ARTIFACTS, 'year-over-year.png') })
  })

  it('names the agency and year of a report whose title could not be read, and keeps the reviewer’s name on it', async () => {
    // The borderless print of 003 has no readable title: its agency and year came from another print of it.
    const id = reportIdOf('003.borderless.pdf')
    expect(loadReport(store, id)).toMatchObject({ identitySource: 'sibling', agency: '鲁山县人民政府办公室', year: 2021 })
    await page.goto(`${bridge.url}#/report/${id}`)
    await expect.poll(() => page.getByTestId('review-title').innerText()).toContain('鲁山县人民政府办公室 2021')
    const button = page.getByTestId('identity-edit')
    expect(await button.innerText()).toBe('待确认')
    await button.click()
    expect(await page.getByTestId('identity-source').innerText()).toMatch(/取自内容相同的 003\.(txt|ruled\.pdf|office\.pdf)$/)
    expect(await page.getByTestId('identity-agency').inputValue()).toBe('鲁山县人民政府办公室')

    // The server's reason stays in the dialog; nothing is saved.
    await page.getByTestId('identity-agency').fill('鲁'.repeat(61))
    await page.getByTestId('identity-save').click()
    await expect.poll(() => page.getByTestId('identity-error').innerText()).toContain('机关名称过长')
    expect(loadReport(store, id)!.identitySource).toBe('sibling')

    await page.getByTestId('identity-agency').fill('鲁山县人民政府')
    await page.getByTestId('identity-year').fill('2022')
    await page.getByTestId('identity-save').click()
    await expect.poll(() => page.getByTestId('review-title').innerText()).toContain('鲁山县人民政府 2022 年报')
    expect(await button.innerText()).toBe('已人工更正')
    expect(await button.getAttribute('title')).toMatch(/由 审查员 于 \d{4}-\d{2}-\d{2} 人工更正/)
    expect(loadReport(store, id)).toMatchObject({ identitySource: 'manual', agency: '鲁山县人民政府', year: 2022, identityBy: '审查员' })
    await page.screenshot({ path: path.join(ARTIFACTS, 'identity.png') })
  })

  it('says which imported reports have no agency and year, and lets the auditor name them', async () => {
    // 001 without its title and with other figures: no title to read, no file of the same content.
    const file = path.join(dir, '某单位年报.txt')
    const text = fs.readFileSync(path.join(SEEDS, '001.txt'), 'utf8').replace('辉县市人民政府 2023 年政府信息公开工作年度报告', '')
    const altered = text.replace(/四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0/, '四、结转下年度继续办理\t\t5\t0\t0\t0\t0\t0\t5')
    expect(altered).not.toBe(text)
    fs.writeFileSync(file, altered)
    await importThrough(file, '1 份未识别出机关与年度，不参与跨年度比对')
    expect(await page.getByTestId('import-nameless').innerText()).toBe('某单位年报.txt：未识别出机关与年度（没有可识别的标题，也没有内容相同的文件）')

    // The library marks it, and lists it under 机关待确认 with the reports whose names were
    // taken from another file (title-less prints of the seeds).
    const toConfirm = () => (store.db.prepare("SELECT COUNT(*) AS n FROM reports WHERE identity_source IN ('none', 'sibling')").get() as { n: number }).n
    const before = toConfirm()
    await page.getByLabel('状态').selectOption('nameless')
    await expect.poll(() => page.getByTestId('library-row').count()).toBe(before)
    const badge = page.getByTestId('library-row').filter({ hasText: '某单位年报.txt' }).getByTestId('identity-badge')
    expect(await badge.innerText()).toBe('待确认')
    expect(await badge.getAttribute('title')).toMatch(/^未识别出机关与年度/)
    await page.screenshot({ path: path.join(ARTIFACTS, 'library-to-confirm.png') })

    const id = reportIdOf('某单位年报.txt')
    await page.goto(`${bridge.url}#/report/${id}`)
    await expect.poll(() => page.getByTestId('review-title').innerText()).toContain('（未识别机关）')
    await page.getByTestId('identity-edit').click()
    expect(await page.getByTestId('identity-source').innerText()).toContain('机关与年度未知，跨年度比对不会进行')
    await page.getByTestId('identity-agency').fill('某县交通运输局')
    await page.getByTestId('identity-year').fill('2023')
    await page.getByTestId('identity-save').click()
    await expect.poll(() => page.getByTestId('review-title').innerText()).toContain('某县交通运输局 2023 年报')
    expect(loadReport(store, id)).toMatchObject({ identitySource: 'manual', agency: '某县交通运输局', year: 2023 })

    // Back in the library: named by hand, and one fewer to confirm.
    await page.goto(bridge.url)
    const row = page.getByTestId('library-row').filter({ hasText: '某单位年报.txt' })
    await expect.poll(() => row.getByTestId('identity-badge').innerText()).toBe('人工更正')
    await page.getByLabel('状态').selectOption('nameless')
    await expect.poll(() => page.getByTestId('library-row').count()).toBe(before - 1)
    expect(toConfirm()).toBe(before - 1)
  })

  it('fills in the agency and year a nameless report\'s file name gives, for the auditor to confirm', async () => {
    const name = '05-某县农业农村局2023年政府信息公开工作年度报告.txt'
    const file = path.join(dir, name)
    const text = fs.readFileSync(path.join(SEEDS, '001.txt'), 'utf8').replace('辉县市人民政府 2023 年政府信息公开工作年度报告', '')
    // Figures of its own, so that no file of the same content names it.
    const altered = text.replace(/四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0/, '四、结转下年度继续办理\t\t7\t0\t0\t0\t0\t0\t7')
    expect(altered).not.toBe(text)
    fs.writeFileSync(file, altered)
    await importThrough(file, '1 份未识别出机关与年度')
    expect(await page.getByTestId('import-nameless').innerText()).toBe(
      `${name}：未识别出机关与年度（没有可识别的标题，也没有内容相同的文件）；文件名显示为 某县农业农村局 2023 年，请在审查页点“待确认”核对`
    )
    const id = reportIdOf(name)
    expect(loadReport(store, id)).toMatchObject({ identitySource: 'none', agency: null, year: null })

    await page.goto(`${bridge.url}#/report/${id}`)
    await page.getByTestId('identity-edit').click()
    expect(await page.getByTestId('identity-from-file').innerText()).toBe(`已按文件名“${name}”填入机关名称与年度，请与原文核对后保存`)
    expect(await page.getByTestId('identity-agency').inputValue()).toBe('某县农业农村局')
    expect(await page.getByTestId('identity-year').inputValue()).toBe('2023')
    // Offered, not taken: nothing is stored until the auditor saves.
    expect(loadReport(store, id)!.identitySource).toBe('none')
    await page.screenshot({ path: path.join(ARTIFACTS, 'identity-from-file-name.png') })
    await page.getByTestId('identity-save').click()
    await expect.poll(() => page.getByTestId('review-title').innerText()).toContain('某县农业农村局 2023 年报')
    expect(loadReport(store, id)).toMatchObject({ identitySource: 'manual', agency: '某县农业农村局', year: 2023 })
  })

  it('records the publication date a copied web page shows, after the auditor takes it, and checks the deadlines again', async () => {
    const name = '某县教育局网页.txt'
    const file = path.join(dir, name)
    const seed = fs.readFileSync(path.join(SEEDS, '002.txt'), 'utf8').replace('洛阳市吉利区人民政府', '洛阳市吉利区教育局')
    fs.writeFileSync(file, `首页 > 政务公开 > 年度报告\n发布时间：2021-02-05 09:30  来源：吉利区教育局\n${seed}\n本页网址：https://www.jili.gov.cn/jyj/ndbg/t20210205_1.html\n`)
    await importThrough(file, '成功 1')
    const id = reportIdOf(name)
    const ruleIds = () => page.getByTestId('finding').allInnerTexts()
    // The library lists it among the reports whose publication date is still to verify.
    const undated = () => (store.db.prepare('SELECT COUNT(*) AS n FROM reports r LEFT JOIN report_meta m ON m.report_id = r.id WHERE m.pub_date IS NULL AND COALESCE(m.not_found, 0) = 0').get() as { n: number }).n
    const before = undated()
    await page.getByLabel('状态').selectOption('undated')
    await expect.poll(() => page.getByTestId('library-row').count()).toBe(before)
    expect(await page.getByTestId('library-row').filter({ hasText: name }).count()).toBe(1)

    await page.goto(`${bridge.url}#/report/${id}`)
    const button = page.getByTestId('meta-edit')
    await expect.poll(() => button.innerText()).toBe('发布日期未核实')
    await expect.poll(async () => (await ruleIds()).some((t) => t.includes('D05'))).toBe(true)
    await button.click()
    expect(await page.getByTestId('meta-printed').innerText()).toContain('“发布时间：2021-02-05 09:30”，网址 https://www.jili.gov.cn/jyj/ndbg/t20210205_1.html')
    expect(await page.getByTestId('meta-date').inputValue()).toBe('')
    await page.getByTestId('meta-use-printed').click()
    expect(await page.getByTestId('meta-date').inputValue()).toBe('2021-02-05')
    expect(await page.getByTestId('meta-url').inputValue()).toBe('https://www.jili.gov.cn/jyj/ndbg/t20210205_1.html')
    // A department (教育局), as the name says: its deadline is 01-31.
    expect(await page.getByTestId('meta-agency-type').inputValue()).toBe('按机关名称识别：政府部门')
    await page.screenshot({ path: path.join(ARTIFACTS, 'publication.png') })
    await page.getByTestId('meta-save').click()
    await expect.poll(() => button.innerText()).toBe('发布于 2021-02-05')
    await expect.poll(async () => (await ruleIds()).some((t) => t.includes('D05'))).toBe(false)
    const d01 = (await ruleIds()).filter((t) => t.includes('D01'))
    expect(d01).toHaveLength(1)
    expect(d01[0]).toContain('发布日期 2021-02-05 晚于《条例》第四十九条规定的 2021-01-31')
    expect(getReportMeta(store, id)).toEqual({ pubDate: '2021-02-05', pubUrl: 'https://www.jili.gov.cn/jyj/ndbg/t20210205_1.html', notFound: false, agencyType: null })

    // A wrong date is refused in the dialog with the reason; the record stays.
    await button.click()
    await page.getByTestId('meta-date').fill('2021-02-30')
    await page.getByTestId('meta-save').click()
    await expect.poll(() => page.getByTestId('meta-error').innerText()).toContain('发布日期不是有效的日期：2021-02-30')
    expect(getReportMeta(store, id).pubDate).toBe('2021-02-05')
    expect(await page.getByTestId('meta-recorded').innerText()).toMatch(/^由 审查员 于 \d{4}-\d{2}-\d{2} 录入$/)
    await page.getByTestId('meta-cancel').click()
    await expect.poll(() => page.getByTestId('meta-date').count()).toBe(0)

    // Back in the library: one fewer to verify.
    await page.goto(bridge.url)
    await page.getByLabel('状态').selectOption('undated')
    await expect.poll(() => page.getByTestId('library-row').count()).toBe(before - 1)
    expect(await page.getByTestId('library-row').filter({ hasText: name }).count()).toBe(0)
    await page.getByLabel('状态').selectOption('')
  })

  it('shows a text file whose lines end in CR alone (old Mac) line by line, and highlights its cells', async () => {
    const name = '旧格式换行.txt'
    const file = path.join(dir, name)
    const seed = fs.readFileSync(path.join(SEEDS, '002.txt'), 'utf8').replace('洛阳市吉利区人民政府', '洛阳市吉利区财政局')
    fs.writeFileSync(file, seed.replace(/\n/g, '\r'))
    await importThrough(file, '成功 1')
    await page.goto(`${bridge.url}#/report/${reportIdOf(name)}`)
    const source = page.getByTestId('txt-source')
    await source.waitFor()
    const shown = (await source.innerText()).split('\n')
    expect(shown.length).toBeGreaterThan(100)
    expect(shown).toContain('洛阳市吉利区财政局 2020 年政府信息公开工作年度报告')
    // A cell's range is where its number is.
    await page.locator('.tables [data-key="t3.new.total"]').click()
    await expect.poll(() => page.getByTestId('source-highlight').innerText()).toBe('3')
  })

  // A landscape page stored turned, shown landscape (p38); a landscape page turned in a viewer, shown sideways (p41).
  it.each([
    ['p38-rotated-landscape-t3.pdf', 'landscape'],
    ['p41-sideways-t3.pdf', 'portrait']
  ])('highlights a cell over its number on a page with /Rotate 90: %s', async (name, shown) => {
    const file = path.join(dir, name)
    fs.copyFileSync(path.join(FIXTURES, 'variants', name), file)
    const summary = await ingestPaths([file], { store, pool })
    expect(summary.counts.ok).toBe(1)
    const id = reportIdOf(name)
    const cell = loadReport(store, id)!.cells['t3.new.commercial']
    const src = cell.source as { kind: 'pdf'; page: number; box: [number, number, number, number] }
    await page.goto(`${bridge.url}#/report/${id}`)
    await page.locator('.tables [data-key="t3.new.commercial"]').click()
    const highlight = page.getByTestId('source-highlight')
    await highlight.waitFor()
    const pageEl = page.locator(`.pdf-page[data-page="${src.page}"]`)
    await expect.poll(() => pageEl.getAttribute('data-drawn')).toBe('yes')
    // The page is shown as the PDF says, and the text layer under the highlight is the cell's number.
    const pb = (await pageEl.boundingBox())!
    expect(pb.width > pb.height ? 'landscape' : 'portrait').toBe(shown)
    const hb = (await highlight.boundingBox())!
    const under = await page.evaluate(
      ({ x, y, w, h }) =>
        Array.from(document.querySelectorAll<HTMLElement>('.textLayer span'))
          .filter((s) => {
            const r = s.getBoundingClientRect()
            const [cx, cy] = [(r.left + r.right) / 2, (r.top + r.bottom) / 2]
            return cx > x && cx < x + w && cy > y && cy < y + h
          })
          .map((s) => s.textContent)
          .join(''),
      { x: hb.x, y: hb.y, w: hb.width, h: hb.height }
    )
    expect(under.trim()).toBe(cell.raw)
  })

  it('highlights the character range of a TXT finding', async () => {
    const id = reportIdOf('000.txt')
    await page.goto(`${bridge.url}#/report/${id}`)
    await page.getByTestId('txt-source').waitFor()
    const l01 = listFindings(store, id).find((f) => f.rule === 'L01')!
    await page.locator(`[data-testid=finding][data-id="${l01.id}"]`).click()
    const mark = page.getByTestId('source-highlight')
    await mark.waitFor()
    const src = l01.source as { kind: 'txt'; start: number; end: number }
    const text = store.db.prepare('SELECT d.text FROM documents d JOIN reports r ON r.document_id = d.id WHERE r.id = ?').get(id) as { text: string }
    expect(await mark.innerText()).toBe(text.text.slice(src.start, src.end))
  })

  it('says that a scan was read from its OCR layer, in the import summary and in the library', async () => {
    const file = path.join(dir, '辉县市2023（扫描件）.pdf')
    fs.copyFileSync(path.join(FIXTURES, 'ocr/001.ocr.pdf'), file)
    await importThrough(file, '其中 1 份是扫描件，表格文字取自 OCR 识别层，数值须对照原件核对')
    expect(await page.getByTestId('last-import').innerText()).toContain('辉县市2023（扫描件）.pdf：辉县市人民政府 2023 年')
    const row = page.getByTestId('library-row').filter({ hasText: '辉县市2023（扫描件）.pdf' })
    expect(await row.innerText()).toContain('OCR 识别')
    // A PDF with its own text is only 已读取.
    expect(await page.getByTestId('library-row').filter({ hasText: '001.ruled.pdf' }).innerText()).not.toContain('OCR')
  })

  it('offers to read again the reports an older version read, and keeps the review of them', async () => {
    const id = reportIdOf('000.ruled.pdf')
    const reviewed = listFindings(store, id).filter((f) => f.review !== 'pending')
    expect(reviewed.length).toBeGreaterThan(0)
    expect(await page.getByTestId('reread').count()).toBe(0)
    store.db.prepare('UPDATE reports SET extractor_version = 1 WHERE id = ?').run(id)
    await page.reload()
    await expect.poll(() => page.getByTestId('reread').innerText()).toBe('重新读取（1 份）')
    await page.getByTestId('reread').click()
    await expect.poll(() => page.getByTestId('last-import').innerText()).toContain('重新读取完成。已按当前版本重新读取 1 份，保留原有结果 0 份')
    // The button goes once the workspace's counts are fetched again, just after the summary shows.
    await expect.poll(() => page.getByTestId('reread').count()).toBe(0)
    const after = new Map(listFindings(store, id, { resolved: true }).map((f) => [f.id, f]))
    for (const f of reviewed) expect(after.get(f.id)).toMatchObject({ review: f.review, comment: f.comment })
    expect(pageErrors).toEqual([])
  })
})
