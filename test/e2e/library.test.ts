/**
 * The library with 5,000 reports in Chromium: only the rows in view are in the page, scrolling
 * reaches the last one, sorting and filtering work on the whole list.
 */
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Store } from '../../src/core/store/store'
import { fillWorkspace } from '../helpers/big-workspace'
import { ROOT, tempDir } from '../helpers/paths'
import { startBridge, type Bridge } from './bridge'
import { chromiumAvailable, launchChromium } from './browser'
import { ensureRendererBuild } from './build'

const suite = chromiumAvailable() || process.env.CI ? describe : describe.skip
const N = 5000

suite('library with 5,000 reports', () => {
  let bridge: Bridge
  let browser: Browser

  beforeAll(async () => {
    const rendererDir = ensureRendererBuild()
    const store = Store.open(path.join(tempDir('dra-e2e-big-'), 'big.sqlite'))
    fillWorkspace(store, N)
    const none = async () => null
    bridge = await startBridge({ store, rendererDir, host: { choosePaths: none, chooseSavePath: none, chooseWorkspace: none, samplesDir: null } })
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await bridge?.close()
  })

  it('renders only the visible rows, scrolls to the end, sorts and filters', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    const started = Date.now()
    await page.goto(bridge.url)
    await expect.poll(() => page.getByTestId('library-count').innerText()).toMatch(new RegExp(`显示 ${N} / ${N} 份`))
    console.log(`library: ${N} rows listed in ${Date.now() - started} ms (page load included)`)
    const inDom = await page.getByTestId('library-row').count()
    expect(inDom).toBeGreaterThan(10)
    expect(inDom).toBeLessThan(80)

    // A taller window draws more rows without scrolling (the body's height is measured).
    await page.setViewportSize({ width: 1366, height: 1400 })
    const bodyHeight = (await page.getByTestId('library-body').boundingBox())!.height
    await expect.poll(() => page.getByTestId('library-row').count()).toBeGreaterThanOrEqual(Math.floor(bodyHeight / 34))
    await page.setViewportSize({ width: 1366, height: 768 })

    // Sort by errors, most first: report 4, 9, 14… have 3 open errors (one of 4 dismissed).
    await page.getByRole('columnheader', { name: '错误' }).click()
    const firstRow = page.getByTestId('library-row').first()
    await expect.poll(() => firstRow.locator('[role=cell]').nth(5).innerText()).toBe('3')

    // Scroll to the bottom: the last rows are drawn (unread files sort last, by import order).
    await page.getByRole('columnheader', { name: /^机关/ }).click()
    const body = page.getByTestId('library-body')
    await body.evaluate((el) => (el.scrollTop = el.scrollHeight))
    await expect.poll(() => page.getByTestId('library-row').filter({ hasText: `${N}.pdf` }).count()).toBe(1)
    expect(await page.getByTestId('library-row').count()).toBeLessThan(80)

    await page.getByTestId('library-search').fill('第4321街道')
    await expect.poll(() => page.getByTestId('library-count').innerText()).toMatch(/显示 1 \/ 5000 份/)
    await page.getByTestId('library-search').fill('')
    await page.getByLabel('状态').selectOption('error')
    await expect.poll(() => page.getByTestId('library-count').innerText()).toMatch(new RegExp(`显示 ${N / 100} / ${N} 份`))
    await page.screenshot({ path: path.join(ROOT, 'test/artifacts/library-5000.png') })
    await page.close()
  })
})
