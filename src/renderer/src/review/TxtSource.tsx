/**
 * The source TXT as decoded at import (the character ranges of cells refer to it), with the
 * highlighted range, and clicks and selections mapped back to character offsets.
 */
import { Text } from '@mantine/core'
import { useEffect, useRef } from 'react'
import type { SourceRef } from '../../../shared/contract'
import type { SourceSelection } from './source'

/**
 * The text as the <pre> shows it, character for character (offsets stay those of the store):
 * CSS breaks lines only at LF, so a lone CR (old Mac files) and Unicode's line and paragraph
 * separators, which the reader breaks lines at too, are shown as LF.
 */
export function shownText(text: string): string {
  return text.replace(/\r(?!\n)|[\u2028\u2029\u0085]/g, '\n')
}

export function TxtSource(props: { text: string; highlight: SourceRef | null; focusToken: number; notice?: string | null; onOffset: (offset: number) => void; onSelection: (s: SourceSelection | null) => void }) {
  const { highlight, focusToken } = props
  const text = shownText(props.text)
  const pre = useRef<HTMLPreElement | null>(null)
  const range = highlight?.kind === 'txt' ? highlight : null
  const parts: Array<{ at: number; text: string; mark: boolean }> = range
    ? [
        { at: 0, text: text.slice(0, range.start), mark: false },
        { at: range.start, text: text.slice(range.start, Math.max(range.end, range.start + 1)), mark: true },
        { at: Math.max(range.end, range.start + 1), text: text.slice(Math.max(range.end, range.start + 1)), mark: false }
      ]
    : [{ at: 0, text, mark: false }]

  useEffect(() => {
    const mark = pre.current?.querySelector<HTMLElement>('mark')
    if (mark) mark.scrollIntoView({ block: 'center' })
  }, [range?.start, range?.end, focusToken])

  /** The character offset of a DOM position inside the <pre>. */
  const offsetOf = (node: Node | null, offset: number): number | null => {
    const seg = (node instanceof Element ? node : node?.parentElement)?.closest<HTMLElement>('[data-at]')
    if (!seg || !pre.current?.contains(seg)) return null
    return Number(seg.dataset.at) + (node instanceof Text ? offset : 0)
  }

  const onMouseUp = () => {
    const sel = window.getSelection()
    if (!sel || sel.rangeCount === 0) return
    if (sel.isCollapsed) {
      const at = offsetOf(sel.anchorNode, sel.anchorOffset)
      if (at !== null) props.onOffset(at)
      return
    }
    const r = sel.getRangeAt(0)
    const start = offsetOf(r.startContainer, r.startOffset)
    const end = offsetOf(r.endContainer, r.endOffset)
    if (start !== null && end !== null && end > start) props.onSelection({ text: text.slice(start, end), source: { kind: 'txt', start, end } })
  }

  return (
    <div className="source-pane">
      {props.notice && (
        <Text size="xs" c="orange" px="xs" py={4}>
          {props.notice}
        </Text>
      )}
      <pre className="txt-source" ref={pre} onMouseUp={onMouseUp} data-testid="txt-source">
        {parts.map((p) =>
          p.mark ? (
            <mark key={p.at} data-at={p.at} className="source-highlight-txt" data-testid="source-highlight">
              {p.text}
            </mark>
          ) : (
            <span key={p.at} data-at={p.at}>
              {p.text}
            </span>
          )
        )}
      </pre>
    </div>
  )
}
