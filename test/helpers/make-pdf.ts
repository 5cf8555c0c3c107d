/**
 * Writes small, valid PDFs for input tests (Latin-1 text in Helvetica): a document that is
 * not an annual report, a very long document, text over a picture (a scan's OCR layer). Real
 * report layouts come from the seeds.
 */
export interface MakePdfOptions {
  /** Text render mode of the lines (3 and 7: invisible, as an OCR layer draws them). */
  renderMode?: number
  /** A grey picture under the text: the whole page (a scan) or a 60 pt logo in a corner. */
  picture?: 'page' | 'logo'
  /** Draw the picture inside a form XObject placed with a matrix (as ocrmypdf does). */
  pictureInForm?: boolean
}

export function makePdf(pages: string[][], options: MakePdfOptions = {}): Buffer {
  const objects: string[] = []
  const add = (body: string) => {
    objects.push(body)
    return objects.length
  }
  const catalog = add('') // placeholder, filled below
  const pagesObj = add('')
  // WinAnsi: Latin-1 text (as mojibake of Chinese reads) prints as the same characters.
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
  // A 2 × 2 grey image (ASCII bytes keep the offsets simple), scaled to where it is painted.
  const image = options.picture ? add(`<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\nAAAA\nendstream`) : 0
  const place = options.picture === 'page' ? '595 0 0 842 0 0' : '60 0 0 60 500 760'
  // In a form: the form's matrix does the placing (a unit form box scaled to the picture's place).
  const form = image && options.pictureInForm
    ? add(`<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Matrix [${place}] /Resources << /XObject << /Im ${image} 0 R >> >> /Length 10 >>\nstream\nq /Im Do Q\nendstream`)
    : 0
  const paint = !image ? '' : form ? 'q /Fm Do Q\n' : `q ${place} cm /Im Do Q\n`
  const xobjects = !image ? '' : form ? `/XObject << /Fm ${form} 0 R >>` : `/XObject << /Im ${image} 0 R >>`
  const mode = options.renderMode !== undefined ? `${options.renderMode} Tr ` : ''
  const kids: number[] = []
  for (const lines of pages) {
    const ops = paint + lines.map((l, i) => `BT ${mode}/F1 12 Tf 72 ${760 - i * 16} Td (${l.replace(/[()\\]/g, '\\$&')}) Tj ET`).join('\n')
    const content = add(`<< /Length ${Buffer.byteLength(ops)} >>\nstream\n${ops}\nendstream`)
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> ${xobjects} >> /Contents ${content} 0 R >>`))
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out)
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}
