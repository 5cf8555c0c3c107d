/**
 * The source PDF, rendered with pdf.js page by page (only pages near the view are drawn), with a
 * text layer for selecting and copying, a highlight box for the selected finding or cell, and
 * clicks mapped back to the cell whose box contains them.
 */
import { ActionIcon, Group, Loader, Text } from '@mantine/core'
import * as pdfjs from 'pdfjs-dist'
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'
import { useEffect, useRef, useState } from 'react'
import type { SourceRef } from '../../../shared/contract'
import type { SourceSelection } from './source'

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl

// Copied next to the page by the build (electron.vite.config.ts): Chinese PDFs need the cMaps.
const ASSETS = new URL('./pdfjs/', document.baseURI).href

type Box = [number, number, number, number]

export interface PdfSourceProps {
  bytes: Uint8Array
  highlight: SourceRef | null
  /** Bumped to scroll to the highlight again even when it did not change. */
  focusToken: number
  /** Maps a click at a PDF point to a cell key (or null). */
  onPoint: (page: number, x: number, y: number) => void
  onSelection: (s: SourceSelection | null) => void
}

export function PdfSource({ bytes, highlight, focusToken, onPoint, onSelection }: PdfSourceProps) {
  const [doc, setDoc] = useState<pdfjs.PDFDocumentProxy | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [scale, setScale] = useState(1.25)
  const [sizes, setSizes] = useState<Array<{ w: number; h: number }>>([])
  const scroller = useRef<HTMLDivElement | null>(null)

  useEffect(() => {
    let cancelled = false
    // pdf.js takes ownership of the buffer it is given: pass a copy.
    const task = pdfjs.getDocument({
      data: bytes.slice(),
      cMapUrl: `${ASSETS}cmaps/`,
      cMapPacked: true,
      standardFontDataUrl: `${ASSETS}standard_fonts/`,
      wasmUrl: `${ASSETS}wasm/`,
      isEvalSupported: false
    })
    task.promise.then(
      async (d) => {
        const out: Array<{ w: number; h: number }> = []
        for (let i = 1; i <= d.numPages; i++) {
          const vp = (await d.getPage(i)).getViewport({ scale: 1 })
          out.push({ w: vp.width, h: vp.height })
        }
        if (cancelled) return
        // Open at the width of the pane (the page is then readable without scrolling sideways).
        const width = scroller.current?.clientWidth ?? 0
        if (width > 200 && out[0]) setScale(Math.min(2, Math.max(0.5, +((width - 28) / out[0].w).toFixed(2))))
        setSizes(out)
        setDoc(d)
      },
      (e: Error) => !cancelled && setError(`无法显示此 PDF：${e.message}`)
    )
    return () => {
      cancelled = true
      void task.destroy()
    }
  }, [bytes])

  // Scroll the highlighted box into the middle of the view.
  useEffect(() => {
    if (!highlight || highlight.kind !== 'pdf' || !scroller.current || !sizes.length) return
    const pageEl = scroller.current.querySelector<HTMLElement>(`[data-page="${highlight.page}"]`)
    if (!pageEl) return
    const h = sizes[highlight.page - 1]?.h ?? 0
    const top = pageEl.offsetTop + (h - highlight.box[3]) * scale
    scroller.current.scrollTo({ top: Math.max(0, top - scroller.current.clientHeight / 3), behavior: 'auto' })
  }, [highlight, focusToken, scale, sizes])

  useEffect(() => {
    const onUp = () => {
      const sel = window.getSelection()
      if (!sel || sel.isCollapsed || !scroller.current?.contains(sel.anchorNode)) return
      const text = sel.toString().trim()
      const pageEl = (sel.anchorNode instanceof Element ? sel.anchorNode : sel.anchorNode?.parentElement)?.closest<HTMLElement>('[data-page]')
      if (!text || !pageEl) return
      const page = Number(pageEl.dataset.page)
      const r = sel.getRangeAt(0).getBoundingClientRect()
      const p = pageEl.getBoundingClientRect()
      const h = sizes[page - 1]?.h ?? 0
      const box: Box = [(r.left - p.left) / scale, h - (r.bottom - p.top) / scale, (r.right - p.left) / scale, h - (r.top - p.top) / scale]
      onSelection({ text, source: { kind: 'pdf', page, box } })
    }
    document.addEventListener('mouseup', onUp)
    return () => document.removeEventListener('mouseup', onUp)
  }, [scale, sizes, onSelection])

  if (error) return <Text c="red">{error}</Text>
  return (
    <div className="source-pane">
      <Group gap={4} className="source-toolbar">
        <ActionIcon variant="default" size="sm" onClick={() => setScale((s) => Math.max(0.5, +(s - 0.25).toFixed(2)))} aria-label="缩小">
          −
        </ActionIcon>
        <Text size="xs" w={44} ta="center" data-testid="pdf-zoom">
          {Math.round(scale * 100)}%
        </Text>
        <ActionIcon variant="default" size="sm" onClick={() => setScale((s) => Math.min(3, +(s + 0.25).toFixed(2)))} aria-label="放大">
          +
        </ActionIcon>
        <ActionIcon
          variant="default"
          size="sm"
          w="auto"
          px={6}
          onClick={() => scroller.current && sizes[0] && setScale(+((scroller.current.clientWidth - 28) / sizes[0].w).toFixed(2))}
          aria-label="适合宽度"
        >
          适合宽度
        </ActionIcon>
        <Text size="xs" c="dimmed" ml="auto">
          共 {sizes.length} 页 · 可选中文字复制，或选中后“新增问题”
        </Text>
      </Group>
      <div className="pdf-scroller" ref={scroller} data-testid="pdf-scroller">
        {!doc && (
          <Group justify="center" mt="xl" gap="xs">
            <Loader size="sm" />
            <Text size="sm" c="dimmed">
              正在载入 PDF…
            </Text>
          </Group>
        )}
        {doc &&
          sizes.map((s, i) => (
            <PdfPage
              key={i}
              doc={doc}
              pageNumber={i + 1}
              width={s.w}
              height={s.h}
              scale={scale}
              root={scroller.current}
              highlight={highlight?.kind === 'pdf' && highlight.page === i + 1 ? highlight.box : null}
              onPoint={onPoint}
            />
          ))}
      </div>
    </div>
  )
}

function PdfPage(props: {
  doc: pdfjs.PDFDocumentProxy
  pageNumber: number
  width: number
  height: number
  scale: number
  root: HTMLElement | null
  highlight: Box | null
  onPoint: (page: number, x: number, y: number) => void
}) {
  const { doc, pageNumber, width, height, scale, highlight } = props
  const holder = useRef<HTMLDivElement | null>(null)
  const canvasRef = useRef<HTMLCanvasElement | null>(null)
  const textRef = useRef<HTMLDivElement | null>(null)
  const [visible, setVisible] = useState(false)
  const [drawn, setDrawn] = useState<number | null>(null)

  useEffect(() => {
    if (!holder.current) return
    const io = new IntersectionObserver((entries) => setVisible(entries.some((e) => e.isIntersecting)), { root: props.root, rootMargin: '600px 0px' })
    io.observe(holder.current)
    return () => io.disconnect()
  }, [props.root])

  useEffect(() => {
    if (!visible || drawn === scale) return
    let cancelled = false
    let renderTask: pdfjs.RenderTask | null = null
    void (async () => {
      const page = await doc.getPage(pageNumber)
      if (cancelled || !canvasRef.current || !textRef.current) return
      const viewport = page.getViewport({ scale })
      const dpr = window.devicePixelRatio || 1
      const canvas = canvasRef.current
      canvas.width = Math.floor(viewport.width * dpr)
      canvas.height = Math.floor(viewport.height * dpr)
      renderTask = page.render({ canvas, viewport, transform: dpr !== 1 ? [dpr, 0, 0, dpr, 0, 0] : undefined })
      await renderTask.promise
      if (cancelled) return
      const layer = textRef.current
      layer.replaceChildren()
      // pdf.js sizes and turns the layer (a page shown with /Rotate) from the variables its
      // own viewer sets on a page; this view is not inside that viewer, so it sets them here.
      layer.style.setProperty('--scale-factor', String(scale))
      layer.style.setProperty('--total-scale-factor', String(scale))
      await new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: layer, viewport }).render()
      if (!cancelled) setDrawn(scale)
    })().catch((e: Error) => {
      // A cancelled render is expected when the zoom changes mid-draw.
      if (e?.name !== 'RenderingCancelledException') console.error(`第 ${pageNumber} 页绘制失败`, e)
    })
    return () => {
      cancelled = true
      renderTask?.cancel()
    }
  }, [visible, scale, doc, pageNumber, drawn])

  const onClick = (e: React.MouseEvent<HTMLDivElement>) => {
    if (!window.getSelection()?.isCollapsed) return
    const r = e.currentTarget.getBoundingClientRect()
    props.onPoint(pageNumber, (e.clientX - r.left) / scale, height - (e.clientY - r.top) / scale)
  }

  return (
    <div className="pdf-page" data-page={pageNumber} data-drawn={drawn !== null ? 'yes' : 'no'} ref={holder} style={{ width: width * scale, height: height * scale }} onClick={onClick}>
      <canvas ref={canvasRef} style={{ width: width * scale, height: height * scale }} />
      <div className="textLayer" ref={textRef} />
      {highlight && (
        <div
          className="source-highlight"
          data-testid="source-highlight"
          style={{
            left: highlight[0] * scale - 3,
            top: (height - highlight[3]) * scale - 3,
            width: (highlight[2] - highlight[0]) * scale + 6,
            height: (highlight[3] - highlight[1]) * scale + 6
          }}
        />
      )}
      <span className="page-number">第 {pageNumber} 页</span>
    </div>
  )
}
