/**
 * Generates the report-variant corpus in test/fixtures/variants/: synthetic but complete
 * 政府信息公开工作年度报告 that differ from the seed fixtures in the ways real reports from many
 * offices differ (template, values, fonts, sizes, wrapping, ruling lines, page breaks, label
 * spelling, encodings, text layouts).
 *
 * Each variant is a small data spec (VARIANTS below). From it the script builds
 *   - the report as an HTML document (tables 二/三/四 with the official merged headers and labels,
 *     domain.md §1), printed to PDF by Chromium or converted by LibreOffice, or rendered as TXT;
 *     or the same document laid out by a report generator (scripts/variant-pdfgen.py, ReportLab);
 *   - NAME.expected.json: {agency, year, template, cells}, computed from the spec alone (never
 *     from the extractor).
 *
 * Run:  node_modules/.bin/tsx scripts/make-variants.ts [name-filter]
 * Needs /usr/bin/chromium (playwright-core), soffice (libreoffice-writer), iconv, pdftotext and
 * the Noto CJK fonts and Droid Sans Fallback (apt-get install -y fonts-noto-cjk fonts-droid-fallback),
 * and for the generator variants python3-reportlab (apt-get install -y python3-reportlab).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// A sweep (--sweep) writes elsewhere: see sweepVariants.
let OUT = path.join(ROOT, 'test/fixtures/variants')

// ---------------------------------------------------------------------------------------------
// Variant specs
// ---------------------------------------------------------------------------------------------

type Template = '2021' | '2019'
type Output =
  | { kind: 'chromium' }
  /** Printed by Chromium, then saved as text with `pdftotext -layout` (columns aligned with spaces). */
  | { kind: 'chromium-text' }
  | { kind: 'office' }
  /**
   * Laid out and written by a report generator (scripts/variant-pdfgen.py, ReportLab; iText-based
   * web systems write the same kind of file): strings at absolute positions, a CJK font named but
   * not embedded (STSong-Light, UniGB-UCS2-H). glyphs 'char': every character drawn on its own.
   */
  | { kind: 'generator'; glyphs: 'string' | 'char' }
  | { kind: 'txt'; layout: 'tab-grid' | 'tab-copy' | 'space' | 'cells' | 'markdown'; encoding: 'utf8' | 'gb18030' | 'utf16le'; eol: '\n' | '\r\n' }

interface Style {
  /** truetype: a CJK TrueType font (Droid Sans Fallback), as Word and WPS documents set in 宋体 embed one. */
  font: 'serif' | 'sans' | 'truetype'
  sizePt: number
  /** Width of the label columns: wide (labels on one line), medium, narrow (labels wrap 2–4 lines). */
  labelCols: 'wide' | 'medium' | 'narrow'
  numAlign: 'center' | 'right'
  borders: boolean
  lineHeight: number
  /** Row-label cells spread over the cell's width (Word's 分散对齐). */
  distributed?: boolean
  /**
   * Table 3's group labels (三、本年度办理结果, （三）不予公开 …) set in vertical text (Word's
   * 文字方向): glyphs upright one under another, or the whole line turned 90° (sideways).
   */
  verticalGroups?: 'upright' | 'sideways'
  /** Header cells shaded grey (Word's 底纹 on the header rows). */
  shadedHeads?: boolean
  /** A diagonal text watermark across every page, behind the text (仅供参考, 内部资料 …). */
  watermark?: string
  /** The watermark set level (Word's 水印 "水平" layout) instead of diagonal. */
  watermarkLevel?: boolean
  /** Title printed with letter spacing (em), as some templates space out 年度报告. */
  titleSpacing?: number
  /** Vertical alignment of every cell (default middle); Word's own default is top. */
  valign?: 'top' | 'bottom'
  /** Header cells (自然人, 商业企业, 本年新制发件数…) spread over the cell's width as well. */
  distributedHeads?: boolean
  /** Table 3 printed on a landscape page of its own (a Word section turned sideways). */
  landscapeT3?: boolean
  /**
   * Landscape pages stored as portrait pages shown turned (/Rotate 90 or 270), their content
   * drawn sideways, as some PDF printers (Acrobat's auto-rotate) write them.
   */
  rotateLandscape?: 90 | 270
  /**
   * Landscape pages turned to portrait in a viewer (only /Rotate set, as Acrobat's 旋转页面
   * does): the table is shown sideways, its text running down (90) or up (270) the page.
   */
  showSideways?: 90 | 270
  /**
   * Table 3 printed sideways on a portrait page of its own (turned a quarter clockwise, its
   * text running down the page), as offices fit a wide table without a landscape section.
   */
  t3Sideways?: boolean
  /**
   * Bold set by printing the text twice, a fraction of a point apart (WPS and printer drivers
   * do this for fonts without a bold face): title, headings, header cells, table 3's total column.
   */
  overprintBold?: boolean
}

interface Variant {
  name: string
  /** What this variant varies, for the README. */
  about: string
  output: Output
  agency: string
  year: number
  template: Template
  /** Title as printed, one entry per line (default: agency + year + 年政府信息公开工作年度报告). */
  title?: string[]
  seed: number
  /** Value magnitudes: small (county office) or large (hundreds/thousands of applications). */
  scale: 'small' | 'large'
  /** Print numbers ≥ 1000 with a thousands separator (6,855). */
  thousands: boolean
  /** A unit printed after every count in tables 3 and 4 (26件), as some offices fill them; ' 件' with a space typed before it. */
  unit?: '件' | ' 件'
  style: Style
  labels: {
    brackets: 'full' | 'half'
    /** Spaces inside labels: "(一) 予以公开", "1. 属于国家秘密", "结果 维持". */
    spaces: boolean
  }
  /** Header of the 2021 fee block. */
  feeHeader?: 'national' | 'henan'
  /** Table-2 or table-3 cells printed blank ('') or as '-' / '/' / '——': expected null. */
  blanks?: Record<string, '' | '-' | '/' | '——'>
  /** Table 3 must run over a page boundary; thead: header rows repeated on the next page. */
  t3Split?: { thead: boolean; leadParagraphs: number }
  /**
   * Table 3 split by hand after this many body rows: the rest on the next page under 续表 and
   * its header again, the merged group cells that cross the split left blank there (as Word does).
   */
  t3Continued?: number
  /** Chromium only: table 3 pasted as a picture (a screenshot of it): its cells cannot be read (expected null). */
  t3Image?: boolean
  /**
   * Chromium prints only: the report issued under a red letterhead (红头文件) with a covering
   * notice (关于印发…的通知) on the first page, as governments often publish it.
   */
  letterhead?: { issuer: string; docNo: string }
  /**
   * Table 4 as two tables one under the other, as a narrow page prints it: 行政复议 (5 columns),
   * then 行政诉讼 (10 columns: 未经复议直接起诉, 复议后起诉).
   */
  t4Blocks?: boolean
  /**
   * Table 4 turned: one row per group, named in a first column, under one header of the five
   * columns (结果维持 … 总计).
   */
  t4Turned?: boolean
  /**
   * A table of the office's own after table 2 (主动公开信息分类统计) and after table 3 (申请方式统计),
   * in the same sections, as some offices add: not part of the official tables.
   */
  extraTables?: boolean
  /** The three tables not in their sections but in an appendix after the sign-off (附表, each under its section's name). */
  appendixTables?: boolean
  /**
   * Chromium prints only: a cover page (agency, report name, month) and a table of contents
   * with leaders and page numbers; the report's text then begins without its title.
   */
  cover?: boolean
  /**
   * Each table under a caption of its own (表1 主动公开政府信息情况 …) with its unit flush right
   * (单位：件), and a note under table 3 (注：…), as many offices set them.
   */
  captions?: boolean
  /** Chromium prints only: running header and page-number footer printed on every page (as Word/WPS do). */
  furniture?: { header?: string; footer: 'plain' | 'dash' | 'of' }
  /**
   * Table 2 as a provincial template prints it (湖北's): a filling note in brackets after row
   * and column names (规章（设区的市、自治州人民政府填报）, 上一年项目数量（指2019年事项数）), and a
   * row of the province's own, 其他主动公开文件, after the normative documents (not an official cell).
   */
  t2Notes?: boolean
}

const SERIF = '"Noto Serif CJK SC", "Noto Serif CJK", serif'
const SANS = '"Noto Sans CJK SC", "Noto Sans CJK", sans-serif'
const TRUETYPE = '"Droid Sans Fallback", sans-serif'

const VARIANTS: Variant[] = [
  {
    name: 'p01-serif12-ruled',
    about: 'Chromium; 2021 template; Noto Serif 12pt, ruled, wide label columns, centred numbers; fee header 保留4位小数',
    output: { kind: 'chromium' },
    agency: '绍兴市越城区人民政府',
    year: 2022,
    template: '2021',
    seed: 101,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 12, labelCols: 'wide', numAlign: 'center', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false },
    feeHeader: 'henan'
  },
  {
    name: 'p02-sans9-narrow-thousands',
    about: 'Chromium; 2021; Noto Sans 9pt, narrow label columns (labels wrap 2–5 lines), right-aligned numbers, large values with 6,855-style separators',
    output: { kind: 'chromium' },
    agency: '佛山市南海区市场监督管理局',
    year: 2023,
    template: '2021',
    seed: 202,
    scale: 'large',
    thousands: true,
    style: { font: 'sans', sizePt: 9, labelCols: 'narrow', numAlign: 'right', borders: true, lineHeight: 1.3 },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 'p03-borderless-double',
    about: 'Chromium; 2021; no ruling lines (border: none), line-height 2, Noto Sans 10.5pt, half-width brackets, spaces inside labels',
    output: { kind: 'chromium' },
    agency: '宜昌市夷陵区人民政府',
    year: 2021,
    template: '2021',
    seed: 303,
    scale: 'small',
    thousands: false,
    style: { font: 'sans', sizePt: 10.5, labelCols: 'wide', numAlign: 'center', borders: false, lineHeight: 2 },
    labels: { brackets: 'half', spaces: true }
  },
  {
    name: 'p04-t3-split-thead',
    about: 'Chromium; 2021; table 3 runs over a page boundary, header rows in <thead> repeated on the next page; Noto Serif 11pt',
    output: { kind: 'chromium' },
    agency: '株洲市荷塘区教育局',
    year: 2024,
    template: '2021',
    seed: 404,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 11, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.6 },
    labels: { brackets: 'full', spaces: false },
    t3Split: { thead: true, leadParagraphs: 3 }
  },
  {
    name: 'p05-t3-split-plain',
    about: 'Chromium; 2021; table 3 runs over a page boundary without repeated header; Noto Sans 12pt, right-aligned, half-width brackets',
    output: { kind: 'chromium' },
    agency: '泉州市丰泽区住房和城乡建设局',
    year: 2022,
    template: '2021',
    seed: 505,
    scale: 'small',
    thousands: false,
    style: { font: 'sans', sizePt: 12, labelCols: 'wide', numAlign: 'right', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'half', spaces: false },
    t3Split: { thead: false, leadParagraphs: 1 }
  },
  {
    name: 'p06-2019-serif14',
    about: 'Chromium; 2019 template (2020 report): 其他对外管理服务事项, 政府集中采购, single （六）其他处理 row, negative 本年增/减, thousands separators; Noto Serif 14pt, "1. 属于国家秘密" spacing',
    output: { kind: 'chromium' },
    agency: '六安市金安区人民政府',
    year: 2020,
    template: '2019',
    seed: 606,
    scale: 'large',
    thousands: true,
    style: { font: 'serif', sizePt: 14, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.4 },
    labels: { brackets: 'full', spaces: true }
  },
  {
    name: 'p07-title2-paren',
    about: 'Chromium; 2021; title over two lines, agency name with a full-width parenthesis, half-width brackets and spaces in labels (结果 维持), Noto Sans 12pt right-aligned',
    output: { kind: 'chromium' },
    agency: '湖州市吴兴区人民政府办公室（区政务服务管理局）',
    year: 2023,
    title: ['湖州市吴兴区人民政府办公室（区政务服务管理局）', '2023年政府信息公开工作年度报告'],
    template: '2021',
    seed: 707,
    scale: 'small',
    thousands: false,
    style: { font: 'sans', sizePt: 12, labelCols: 'medium', numAlign: 'right', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'half', spaces: true }
  },
  {
    name: 'p08-blanks-niandu',
    about: 'Chromium; 2021; title "…2022年度政府信息公开工作年度报告"; table-3 cells left blank or holding "-" / "/" (expected null); Noto Serif 10pt',
    output: { kind: 'chromium' },
    agency: '嘉兴市南湖区卫生健康局',
    year: 2022,
    title: ['嘉兴市南湖区卫生健康局2022年度政府信息公开工作年度报告'],
    template: '2021',
    seed: 808,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 10, labelCols: 'wide', numAlign: 'center', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false },
    blanks: { 't3.deny_law.research': '', 't3.reject_mass.social': '-', 't3.other_fee.legal': '/', 't3.carried.other_org': '-' }
  },
  {
    name: 'o09-office-ruled-thousands',
    about: 'LibreOffice; 2021; ruled (stroked lines), Noto Serif 10.5pt, large values with thousands separators',
    output: { kind: 'office' },
    agency: '常德市武陵区人民政府',
    year: 2022,
    template: '2021',
    seed: 909,
    scale: 'large',
    thousands: true,
    style: { font: 'serif', sizePt: 10.5, labelCols: 'wide', numAlign: 'center', borders: true, lineHeight: 1.2 },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 'o10-office-2019',
    about: 'LibreOffice; 2019 template (2019 report), negative 本年增/减, half-width brackets, spaces in labels, "-" cells; Noto Sans 11pt',
    output: { kind: 'office' },
    agency: '平凉市崆峒区人民政府',
    year: 2019,
    template: '2019',
    seed: 1010,
    scale: 'small',
    thousands: false,
    style: { font: 'sans', sizePt: 11, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.2 },
    labels: { brackets: 'half', spaces: true },
    blanks: { 't3.deny_safety.commercial': '-', 't3.other.legal': '-' }
  },
  {
    name: 'o11-office-narrow',
    about: 'LibreOffice; 2021; narrow label columns (labels wrap), Noto Sans 9pt, right-aligned numbers, "/" cells',
    output: { kind: 'office' },
    agency: '遵义市红花岗区人力资源和社会保障局',
    year: 2024,
    template: '2021',
    seed: 1111,
    scale: 'small',
    thousands: false,
    style: { font: 'sans', sizePt: 9, labelCols: 'narrow', numAlign: 'right', borders: true, lineHeight: 1.2 },
    labels: { brackets: 'full', spaces: false },
    blanks: { 't3.unable_create.research': '/', 't3.reject_publication.other_org': '/' }
  },
  {
    name: 'o12-office-borderless',
    about: 'LibreOffice; 2021; no ruling lines, Noto Serif 14pt, spaces in labels',
    output: { kind: 'office' },
    agency: '莆田市城厢区人民政府',
    year: 2021,
    template: '2021',
    seed: 1212,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 14, labelCols: 'medium', numAlign: 'center', borders: false, lineHeight: 1.2 },
    labels: { brackets: 'full', spaces: true }
  },
  {
    name: 'p17-footer-plain',
    about: 'Chromium; 2021; bare page number (\"3\") centred in the footer of every page, under table 3 where it breaks; Noto Serif 12pt, ruled',
    output: { kind: 'chromium' },
    agency: '衡阳市石鼓区民政局',
    year: 2023,
    template: '2021',
    seed: 1717,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 12, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false },
    t3Split: { thead: false, leadParagraphs: 2 },
    furniture: { footer: 'plain' }
  },
  {
    name: 'p18-borderless-header-footer',
    about: 'Chromium; 2021; borderless; running header with the report title on every page and footer "— 3 —"; table 3 breaks over a page; Noto Sans 11pt, right-aligned',
    output: { kind: 'chromium' },
    agency: '九江市濂溪区交通运输局',
    year: 2022,
    template: '2021',
    seed: 1818,
    scale: 'small',
    thousands: false,
    style: { font: 'sans', sizePt: 11, labelCols: 'wide', numAlign: 'right', borders: false, lineHeight: 1.6 },
    labels: { brackets: 'full', spaces: true },
    t3Split: { thead: false, leadParagraphs: 1 },
    furniture: { header: '九江市濂溪区交通运输局2022年政府信息公开工作年度报告', footer: 'dash' }
  },
  {
    name: 'p19-2019-pageof',
    about: 'Chromium; 2019 template (2019 report); footer "第 3 页 共 6 页" and a running header naming the agency; table 3 breaks over a page with repeated header; Noto Serif 10.5pt',
    output: { kind: 'chromium' },
    agency: '大理市人民政府',
    year: 2019,
    template: '2019',
    seed: 1919,
    scale: 'large',
    thousands: false,
    style: { font: 'serif', sizePt: 10.5, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false },
    t3Split: { thead: true, leadParagraphs: 2 },
    furniture: { header: '大理市人民政府政务公开', footer: 'of' }
  },
  {
    name: 'p20-yearfirst-cn',
    about: 'Chromium; 2021; title puts the year first in Chinese numerals over two lines ("二〇二三年度{机关}" / "政府信息公开工作年度报告"); Noto Serif 12pt, ruled',
    output: { kind: 'chromium' },
    agency: '九江市柴桑区人民政府',
    year: 2023,
    title: ['二〇二三年度九江市柴桑区人民政府', '政府信息公开工作年度报告'],
    template: '2021',
    seed: 2020,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 12, labelCols: 'wide', numAlign: 'center', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 'p22-distributed-labels',
    about: 'Chromium; 2021; row labels distributed over the cell width (分散对齐: wide gaps between the characters of a label, wrapped labels end flush right); Noto Sans 10.5pt, ruled',
    output: { kind: 'chromium' },
    agency: '荆州市沙市区司法局',
    year: 2024,
    template: '2021',
    seed: 2222,
    scale: 'small',
    thousands: false,
    style: { font: 'sans', sizePt: 10.5, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.5, distributed: true },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 'p23-landscape-t3',
    about: 'Chromium; 2021; table 3 alone on a landscape page between portrait pages (wide columns, labels on one line); Noto Serif 11pt, ruled',
    output: { kind: 'chromium' },
    agency: '常州市天宁区城市管理局',
    year: 2023,
    template: '2021',
    seed: 2323,
    scale: 'large',
    thousands: true,
    style: { font: 'serif', sizePt: 11, labelCols: 'wide', numAlign: 'center', borders: true, lineHeight: 1.4, landscapeT3: true },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 'p25-t3-picture',
    about: 'Chromium; 2021; table 3 pasted as a picture (a screenshot): no text to read, its cells are expected null and the report says why; Noto Sans 11pt, ruled',
    output: { kind: 'chromium' },
    agency: '宜宾市翠屏区卫生健康局',
    year: 2023,
    template: '2021',
    seed: 2525,
    scale: 'small',
    thousands: false,
    style: { font: 'sans', sizePt: 11, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false },
    t3Image: true
  },
  {
    name: 'p27-distributed-heads',
    about: 'Chromium; 2021; header cells and row labels distributed over the cell width (分散对齐 on the whole table, as a Word table formatted at once); Noto Serif 11pt, ruled',
    output: { kind: 'chromium' },
    agency: '株洲市芦淞区人力资源和社会保障局',
    year: 2023,
    template: '2021',
    seed: 2727,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 11, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.5, distributed: true, distributedHeads: true },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 'p28-borderless-emdash',
    about: 'Chromium; 2021; borderless; cells not applicable printed "——" in tables 2 and 3 (expected null); Noto Serif 10.5pt, right-aligned',
    output: { kind: 'chromium' },
    agency: '芜湖市镜湖区财政局',
    year: 2024,
    template: '2021',
    seed: 2828,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 10.5, labelCols: 'medium', numAlign: 'right', borders: false, lineHeight: 1.6 },
    labels: { brackets: 'full', spaces: false },
    blanks: {
      't2.regulations.issued': '——',
      't2.regulations.repealed': '——',
      't2.regulations.in_force': '——',
      't2.fees.amount': '——',
      't3.deny_secret.research': '——',
      't3.reject_mass.legal': '——',
      't3.other_fee.natural': '——'
    }
  },
  {
    name: 'p29-top-narrow-ruled',
    about: 'Chromium; 2021; every cell aligned to the top (Word\'s default): values stand on the first line of labels wrapped over 2–5 lines; Noto Sans 10pt, narrow label columns, ruled',
    output: { kind: 'chromium' },
    agency: '赣州市章贡区应急管理局',
    year: 2023,
    template: '2021',
    seed: 2929,
    scale: 'small',
    thousands: false,
    style: { font: 'sans', sizePt: 10, labelCols: 'narrow', numAlign: 'center', borders: true, lineHeight: 1.5, valign: 'top' },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 'p30-top-narrow-borderless',
    about: 'Chromium; 2021; borderless, every cell aligned to the top: a wrapped label\'s last lines sit closer to the next row\'s values than to their own; Noto Serif 10.5pt, narrow label columns',
    output: { kind: 'chromium' },
    agency: '邵阳市双清区水利局',
    year: 2022,
    template: '2021',
    seed: 3030,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 10.5, labelCols: 'narrow', numAlign: 'right', borders: false, lineHeight: 1.5, valign: 'top' },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 'p31-vertical-groups',
    about: 'Chromium; 2021; table 3\'s group labels (三、本年度办理结果, （三）不予公开 …) in vertical text, one glyph under another (Word\'s 文字方向); Noto Serif 10.5pt, ruled',
    output: { kind: 'chromium' },
    agency: '柳州市鱼峰区交通运输局',
    year: 2024,
    template: '2021',
    seed: 3131,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 10.5, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.5, verticalGroups: 'upright' },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 'p33-sideways-groups',
    about: 'Chromium; 2021; table 3\'s group labels turned 90° (Word\'s 文字方向 "所有文字旋转 90°"): rotated text runs reading downwards; Noto Sans 11pt, ruled',
    output: { kind: 'chromium' },
    agency: '玉林市玉州区司法局',
    year: 2023,
    template: '2021',
    seed: 3333,
    scale: 'small',
    thousands: false,
    style: { font: 'sans', sizePt: 11, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.5, verticalGroups: 'sideways' },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 'p34-shaded-watermark',
    about: 'Chromium; 2021; header cells shaded grey (底纹), a diagonal "仅供参考" watermark behind every page, title letter-spaced; Noto Serif 11pt, ruled',
    output: { kind: 'chromium' },
    agency: '南平市延平区农业农村局',
    year: 2022,
    template: '2021',
    seed: 3434,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 11, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.5, shadedHeads: true, watermark: '仅供参考', titleSpacing: 0.3 },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 'o35-office-top-narrow',
    about: 'LibreOffice; 2021; every cell aligned to the top, narrow label columns (labels wrap), "——" in cells not applicable; Noto Serif 10.5pt, ruled',
    output: { kind: 'office' },
    agency: '梧州市万秀区住房和城乡建设局',
    year: 2023,
    template: '2021',
    seed: 3535,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 10.5, labelCols: 'narrow', numAlign: 'center', borders: true, lineHeight: 1.3, valign: 'top' },
    labels: { brackets: 'full', spaces: false },
    blanks: { 't2.regulations.issued': '——', 't2.regulations.repealed': '——', 't2.regulations.in_force': '——', 't3.reject_mass.legal': '——' }
  },
  {
    name: 'o36-office-top-borderless',
    about: 'LibreOffice; 2021; borderless, every cell aligned to the top, medium label columns; Noto Sans 11pt',
    output: { kind: 'office' },
    agency: '钦州市钦南区商务局',
    year: 2022,
    template: '2021',
    seed: 3636,
    scale: 'small',
    thousands: false,
    style: { font: 'sans', sizePt: 11, labelCols: 'medium', numAlign: 'right', borders: false, lineHeight: 1.3, valign: 'top' },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 'p38-rotated-landscape-t3',
    about: 'Chromium; 2021; table 3 on a landscape page stored as a portrait page with /Rotate 90 (content drawn turned, as Acrobat\'s auto-rotate writes it); Noto Serif 11pt, ruled',
    output: { kind: 'chromium' },
    agency: '湖州市吴兴区民政局',
    year: 2023,
    template: '2021',
    seed: 3838,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 11, labelCols: 'wide', numAlign: 'center', borders: true, lineHeight: 1.4, landscapeT3: true, rotateLandscape: 90 },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 'p39-rotated270-borderless',
    about: 'Chromium; 2021; borderless; table 3 on a landscape page stored as a portrait page with /Rotate 270 (content drawn turned the other way); Noto Sans 10.5pt, medium label columns',
    output: { kind: 'chromium' },
    agency: '南充市顺庆区交通运输局',
    year: 2024,
    template: '2021',
    seed: 3939,
    scale: 'large',
    thousands: true,
    style: { font: 'sans', sizePt: 10.5, labelCols: 'medium', numAlign: 'right', borders: false, lineHeight: 1.5, landscapeT3: true, rotateLandscape: 270 },
    labels: { brackets: 'full', spaces: true }
  },
  {
    name: 'p40-overprint-bold',
    about: 'Chromium; 2021; borderless; bold printed as the same text twice 0.35 pt apart (title, headings, header cells, table 3\'s 总计 column), as WPS and some printer drivers fake bold; Noto Serif 10.5pt',
    output: { kind: 'chromium' },
    agency: '黄冈市黄州区自然资源和规划局',
    year: 2023,
    template: '2021',
    seed: 4040,
    scale: 'large',
    thousands: false,
    style: { font: 'serif', sizePt: 10.5, labelCols: 'medium', numAlign: 'center', borders: false, lineHeight: 1.5, overprintBold: true },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 'p41-sideways-t3',
    about: 'Chromium; 2021; table 3 on a landscape page turned to portrait in a viewer (/Rotate 90 only): shown sideways, its text running down the page; Noto Sans 10.5pt, ruled',
    output: { kind: 'chromium' },
    agency: '安庆市大观区人力资源和社会保障局',
    year: 2022,
    template: '2021',
    seed: 4141,
    scale: 'small',
    thousands: false,
    style: { font: 'sans', sizePt: 10.5, labelCols: 'wide', numAlign: 'center', borders: true, lineHeight: 1.4, landscapeT3: true, showSideways: 90 },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 'p42-sideways270-borderless',
    about: 'Chromium; 2021; borderless; table 3 on a landscape page turned to portrait in a viewer (/Rotate 270 only): shown sideways, its text running up the page; Noto Serif 11pt',
    output: { kind: 'chromium' },
    agency: '遵义市汇川区教育体育局',
    year: 2024,
    template: '2021',
    seed: 4242,
    scale: 'large',
    thousands: true,
    style: { font: 'serif', sizePt: 11, labelCols: 'medium', numAlign: 'center', borders: false, lineHeight: 1.4, landscapeT3: true, showSideways: 270 },
    labels: { brackets: 'half', spaces: true }
  },
  {
    name: 'p43-t3-printed-sideways',
    about: 'Chromium; 2021; table 3 printed sideways on a portrait page of its own (turned a quarter, text running down the page), page numbers upright in the footer; Noto Sans 8pt, ruled',
    output: { kind: 'chromium' },
    agency: '绵阳市涪城区应急管理局',
    year: 2023,
    template: '2021',
    seed: 4343,
    scale: 'small',
    thousands: false,
    style: { font: 'sans', sizePt: 8, labelCols: 'wide', numAlign: 'center', borders: true, lineHeight: 1.2, t3Sideways: true },
    labels: { brackets: 'full', spaces: false },
    furniture: { footer: 'dash' }
  },
  {
    name: 'p44-letterhead-notice',
    about: 'Chromium; 2021; issued under a red letterhead (南漳县人民政府办公室文件, 36pt) with a covering notice 关于印发《…》的通知 on page 1, the report from page 2; Noto Serif 12pt, ruled',
    output: { kind: 'chromium' },
    agency: '南漳县人民政府',
    year: 2023,
    template: '2021',
    seed: 4444,
    scale: 'large',
    thousands: false,
    style: { font: 'serif', sizePt: 12, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false },
    letterhead: { issuer: '南漳县人民政府办公室', docNo: '漳政办发〔2024〕3号' }
  },
  {
    name: 'p45-cover-toc',
    about: 'Chromium; 2021; a cover page (agency 26pt, report name, month) and a table of contents (目录: each heading, a leader drawn as a dotted rule or typed as dots running into its page number), the report\'s text then without its title; Noto Sans 10.5pt, ruled',
    output: { kind: 'chromium' },
    agency: '十堰市张湾区住房和城乡建设局',
    year: 2024,
    template: '2021',
    seed: 4545,
    scale: 'small',
    thousands: false,
    style: { font: 'sans', sizePt: 10.5, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false },
    cover: true
  },
  {
    name: 'p46-appendix-tables',
    about: 'Chromium; 2021; the three tables not in sections 二/三/四 but in an appendix (附表) after the sign-off, each under its section\'s name numbered 一、二、三; Noto Serif 11pt, ruled',
    output: { kind: 'chromium' },
    agency: '孝感市孝南区市场监督管理局',
    year: 2022,
    template: '2021',
    seed: 4646,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 11, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false },
    appendixTables: true
  },
  {
    name: 'p47-own-tables',
    about: 'Chromium; 2021; borderless; a table of the office\'s own after table 2 (主动公开信息分类统计) and after table 3 (申请方式统计), in the same sections; Noto Sans 10.5pt',
    output: { kind: 'chromium' },
    agency: '荆门市东宝区农业农村局',
    year: 2023,
    template: '2021',
    seed: 4747,
    scale: 'small',
    thousands: false,
    style: { font: 'sans', sizePt: 10.5, labelCols: 'medium', numAlign: 'center', borders: false, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false },
    extraTables: true
  },
  {
    name: 'p48-level-watermark',
    about: 'Chromium; 2021; a level (horizontal) "征求意见稿" watermark, 60pt light grey, behind every page, across table 3 and table 4; Noto Sans 10.5pt, ruled',
    output: { kind: 'chromium' },
    agency: '宜昌市西陵区司法局',
    year: 2024,
    template: '2021',
    seed: 4848,
    scale: 'small',
    thousands: false,
    style: { font: 'sans', sizePt: 10.5, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.5, watermark: '征求意见稿', watermarkLevel: true },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 'p49-units-borderless',
    about: 'Chromium; 2021; borderless; every count in tables 3 and 4 printed with its unit (26件), narrow label columns; Noto Serif 10.5pt',
    output: { kind: 'chromium' },
    agency: '襄阳市樊城区退役军人事务局',
    year: 2023,
    template: '2021',
    seed: 4949,
    scale: 'small',
    thousands: false,
    unit: '件',
    style: { font: 'serif', sizePt: 10.5, labelCols: 'narrow', numAlign: 'center', borders: false, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 'p50-t3-continued',
    about: 'Chromium; 2021; table 3 cut by hand after 10 rows: the rest on the next page under 续表 with the header again, the merged group cells crossing the cut left blank there; Noto Serif 10.5pt, ruled',
    output: { kind: 'chromium' },
    agency: '荆州市沙市区水利和湖泊局',
    year: 2024,
    template: '2021',
    seed: 5050,
    scale: 'large',
    thousands: false,
    style: { font: 'serif', sizePt: 10.5, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false },
    t3Continued: 10
  },
  {
    name: 'p51-t4-blocks',
    about: 'Chromium; 2021; table 4 as two tables one under the other (行政复议, then 行政诉讼), as narrow pages print it; Noto Sans 11pt, ruled',
    output: { kind: 'chromium' },
    agency: '潜江市熊口镇人民政府',
    year: 2023,
    template: '2021',
    seed: 5151,
    scale: 'large',
    thousands: false,
    style: { font: 'sans', sizePt: 11, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false },
    t4Blocks: true
  },
  {
    name: 'p52-t4-blocks-borderless',
    about: 'Chromium; 2019; table 4 in two blocks as p51, printed without ruling lines; Noto Serif 12pt',
    output: { kind: 'chromium' },
    agency: '天门市市场监督管理局',
    year: 2020,
    template: '2019',
    seed: 5252,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 12, labelCols: 'wide', numAlign: 'right', borders: false, lineHeight: 1.6 },
    labels: { brackets: 'half', spaces: true },
    t4Blocks: true
  },
  {
    name: 'o54-office-truetype',
    about: 'LibreOffice; 2021; a CJK TrueType font (Droid Sans Fallback 10.5pt), embedded as LibreOffice does: several simple TrueType subsets of up to 256 glyphs, each with its ToUnicode map; ruled, medium label columns',
    output: { kind: 'office' },
    agency: '孝感市孝昌县卫生健康局',
    year: 2023,
    template: '2021',
    seed: 5454,
    scale: 'small',
    thousands: false,
    style: { font: 'truetype', sizePt: 10.5, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.3 },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 'p55-truetype-borderless',
    about: 'Chromium; 2021; borderless; a CJK TrueType font (Droid Sans Fallback 11pt) embedded as one CIDFontType2 with Identity-H two-byte codes, as Word and WPS embed 宋体; narrow label columns, right-aligned, thousands separators',
    output: { kind: 'chromium' },
    agency: '随州市曾都区交通运输局',
    year: 2024,
    template: '2021',
    seed: 5555,
    scale: 'large',
    thousands: true,
    style: { font: 'truetype', sizePt: 11, labelCols: 'narrow', numAlign: 'right', borders: false, lineHeight: 1.5 },
    labels: { brackets: 'half', spaces: false }
  },
  {
    name: 'g56-generator-ruled',
    about: 'a report generator (ReportLab, as iText-based systems write): STSong-Light named, not embedded (UniGB-UCS2-H: the text comes only through the Adobe CMaps), strings at absolute positions, rules as separate lines; 2021; 10.5pt, medium label columns',
    output: { kind: 'generator', glyphs: 'string' },
    agency: '荆门市掇刀区人民政府',
    year: 2023,
    template: '2021',
    seed: 5656,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 10.5, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.45 },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 'g57-generator-glyphs-borderless',
    about: 'a report generator as g56, every character drawn on its own (one text object per glyph, as some printer drivers write); borderless, 2019 template (2020 report), narrow label columns, right-aligned, thousands separators, negative 本年增/减',
    output: { kind: 'generator', glyphs: 'char' },
    agency: '襄阳市襄州区财政局',
    year: 2020,
    template: '2019',
    seed: 5757,
    scale: 'large',
    thousands: true,
    style: { font: 'sans', sizePt: 10, labelCols: 'narrow', numAlign: 'right', borders: false, lineHeight: 1.45 },
    labels: { brackets: 'half', spaces: true }
  },
  {
    name: 'p58-captions-units',
    about: 'Chromium; 2021; each table under a caption (表1 主动公开政府信息情况 …) with 单位：件 flush right above it, a 注： note under table 3; Noto Serif 11pt, ruled, medium label columns',
    output: { kind: 'chromium' },
    agency: '十堰市茅箭区卫生健康局',
    year: 2024,
    template: '2021',
    seed: 5858,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 11, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false },
    captions: true
  },
  {
    name: 'p59-captions-borderless',
    about: 'Chromium; 2021; borderless, captions and 单位：件 as p58, narrow label columns, right-aligned numbers; Noto Sans 10.5pt',
    output: { kind: 'chromium' },
    agency: '宜城市人民政府',
    year: 2023,
    template: '2021',
    seed: 5959,
    scale: 'large',
    thousands: true,
    style: { font: 'sans', sizePt: 10.5, labelCols: 'narrow', numAlign: 'right', borders: false, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false },
    captions: true
  },
  {
    name: 'p61-t4-turned',
    about: 'Chromium; 2021; table 4 turned: each group (行政复议, 行政诉讼·未经复议直接起诉, 行政诉讼·复议后起诉) a row named in its first column, under one header of the five columns; Noto Serif 11pt, ruled',
    output: { kind: 'chromium' },
    agency: '仙桃市郑场镇人民政府',
    year: 2023,
    template: '2021',
    seed: 6161,
    scale: 'large',
    thousands: false,
    style: { font: 'serif', sizePt: 11, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false },
    t4Turned: true
  },
  {
    name: 'p62-t4-turned-borderless',
    about: 'Chromium; 2019; table 4 turned as p61, printed without ruling lines, right-aligned numbers; Noto Sans 10.5pt',
    output: { kind: 'chromium' },
    agency: '潜江市园林街道办事处',
    year: 2020,
    template: '2019',
    seed: 6262,
    scale: 'small',
    thousands: false,
    style: { font: 'sans', sizePt: 10.5, labelCols: 'wide', numAlign: 'right', borders: false, lineHeight: 1.6 },
    labels: { brackets: 'half', spaces: false },
    t4Turned: true
  },
  {
    name: 'p63-t2-notes',
    about: 'Chromium; 2019 (2020 report); table 2 as 湖北\'s template prints it: filling notes in brackets after row and column names (wrapping over several lines in narrow label columns, one naming 行政处罚 and 行政强制), and its own row 其他主动公开文件; Noto Serif 10.5pt, ruled',
    output: { kind: 'chromium' },
    agency: '武汉市江夏区生态环境分局',
    year: 2020,
    template: '2019',
    seed: 6363,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 10.5, labelCols: 'narrow', numAlign: 'center', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false },
    t2Notes: true
  },
  {
    name: 'p65-t2-notes-borderless',
    about: 'Chromium; 2021; table 2 with 湖北-style filling notes and the row 其他主动公开文件 as p63, printed without ruling lines, narrow label columns; Noto Sans 10.5pt, right-aligned',
    output: { kind: 'chromium' },
    agency: '十堰市郧阳区生态环境分局',
    year: 2022,
    template: '2021',
    seed: 6565,
    scale: 'small',
    thousands: false,
    style: { font: 'sans', sizePt: 10.5, labelCols: 'narrow', numAlign: 'right', borders: false, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false },
    t2Notes: true
  },
  {
    name: 't64-tab-t2-notes',
    about: 'TXT, UTF-8; tab-separated as a browser copies a table; 2021 template with 湖北-style filling notes after table 2\'s row and column names and the row 其他主动公开文件',
    output: { kind: 'txt', layout: 'tab-copy', encoding: 'utf8', eol: '\n' },
    agency: '黄石市西塞山区城市管理执法局',
    year: 2023,
    template: '2021',
    seed: 6464,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 12, labelCols: 'wide', numAlign: 'center', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false },
    t2Notes: true
  },
  {
    name: 't60-tab-captions',
    about: 'TXT, UTF-8; tab-separated as a browser copies a table, each table under a caption line with its unit (表1：主动公开政府信息情况（单位：件）), a 注： note under table 3',
    output: { kind: 'txt', layout: 'tab-copy', encoding: 'utf8', eol: '\n' },
    agency: '老河口市人民政府',
    year: 2024,
    template: '2021',
    seed: 6060,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 12, labelCols: 'wide', numAlign: 'center', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false },
    captions: true
  },
  {
    name: 't13-tab-grid-gb18030',
    about: 'TXT, GB18030; tab-separated, every grid position present (merged cells as empty fields), thousands separators, blank cells',
    output: { kind: 'txt', layout: 'tab-grid', encoding: 'gb18030', eol: '\n' },
    agency: '江门市蓬江区人民政府',
    year: 2022,
    template: '2021',
    seed: 1313,
    scale: 'large',
    thousands: true,
    style: { font: 'serif', sizePt: 12, labelCols: 'wide', numAlign: 'center', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false },
    blanks: { 't3.deny_process.legal': '', 't3.reject_confirm.research': '' }
  },
  {
    name: 't14-space-2019',
    about: 'TXT, UTF-8; 2019 template, columns separated and aligned by spaces (no tabs), negative 本年增/减, "-" cells',
    output: { kind: 'txt', layout: 'space', encoding: 'utf8', eol: '\n' },
    agency: '天水市秦州区人民政府',
    year: 2020,
    template: '2019',
    seed: 1414,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 12, labelCols: 'wide', numAlign: 'center', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'half', spaces: false },
    blanks: { 't3.deny_enforce.social': '-' }
  },
  {
    name: 't15-cells-utf16',
    about: 'TXT, UTF-16LE with BOM; one table cell per line (web table copied), "/" cells',
    output: { kind: 'txt', layout: 'cells', encoding: 'utf16le', eol: '\r\n' },
    agency: '盐城市亭湖区自然资源和规划局',
    year: 2023,
    template: '2021',
    seed: 1515,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 12, labelCols: 'wide', numAlign: 'center', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false },
    blanks: { 't3.unable_unclear.commercial': '/' }
  },
  {
    name: 't16-tab-copy-crlf',
    about: 'TXT, UTF-8, CRLF; tab-separated as a browser copies a table (cells under a rowspan omitted), title with spaces around the year, "-" cells',
    output: { kind: 'txt', layout: 'tab-copy', encoding: 'utf8', eol: '\r\n' },
    agency: '南充市顺庆区人民政府办公室',
    year: 2024,
    title: ['南充市顺庆区人民政府办公室 2024 年政府信息公开工作年度报告'],
    template: '2021',
    seed: 1616,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 12, labelCols: 'wide', numAlign: 'center', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'half', spaces: true },
    blanks: { 't3.reject_petition.research': '-' }
  },
  {
    name: 't21-crumb-noagency',
    about: 'TXT, UTF-8; a web page copied with its breadcrumb line above a title that names no agency ("2024年政府信息公开工作年度报告"): the agency is the sign-off\'s',
    output: { kind: 'txt', layout: 'tab-copy', encoding: 'utf8', eol: '\n' },
    agency: '岳阳市岳阳楼区发展和改革局',
    year: 2024,
    title: ['首页 > 政务公开 > 年度报告', '2024年政府信息公开工作年度报告'],
    template: '2021',
    seed: 2121,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 12, labelCols: 'wide', numAlign: 'center', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 't24-markdown',
    about: 'TXT, UTF-8; converted to Markdown: "#" title, "## **一、总体情况**" headings, pipe tables with a "| --- |" separator, every grid position present',
    output: { kind: 'txt', layout: 'markdown', encoding: 'utf8', eol: '\n' },
    agency: '绵阳市涪城区教育和体育局',
    year: 2023,
    template: '2021',
    seed: 2424,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 12, labelCols: 'wide', numAlign: 'center', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false },
    blanks: { 't3.deny_process.natural': '-' }
  },
  {
    name: 't26-pdftotext-layout',
    about: 'TXT, UTF-8; a Chromium print saved as text by `pdftotext -layout`: columns aligned with spaces, wrapped labels run on above and below their values, form feeds between pages next to bare page numbers',
    output: { kind: 'chromium-text' },
    agency: '南阳市卧龙区退役军人事务局',
    year: 2022,
    template: '2021',
    seed: 2626,
    scale: 'small',
    thousands: false,
    style: { font: 'sans', sizePt: 11, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.4 },
    labels: { brackets: 'full', spaces: false },
    furniture: { footer: 'plain' }
  },
  {
    name: 't37-tab-units',
    about: 'TXT, UTF-8; tab-separated as a browser copies a table, every count in tables 3 and 4 printed with its unit (26件), thousands separators',
    output: { kind: 'txt', layout: 'tab-copy', encoding: 'utf8', eol: '\n' },
    agency: '黄石市下陆区人民政府',
    year: 2023,
    template: '2021',
    seed: 3737,
    scale: 'large',
    thousands: true,
    unit: '件',
    style: { font: 'sans', sizePt: 11, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.4 },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 'o66-office-units-apart',
    about: 'LibreOffice; 2021; every count in tables 3 and 4 with its unit (26件), which LibreOffice sets apart from the number in right-aligned cells (“169 件”); Noto Sans 9pt, ruled',
    output: { kind: 'office' },
    agency: '上饶市信州区卫生健康委员会',
    year: 2025,
    template: '2021',
    seed: 6666,
    scale: 'small',
    thousands: false,
    unit: '件',
    style: { font: 'sans', sizePt: 9, labelCols: 'medium', numAlign: 'right', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 't67-space-units-typed-apart',
    about: 'TXT, UTF-8; columns aligned with spaces, every count in tables 3 and 4 with its unit typed after a space (26 件), thousands separators',
    output: { kind: 'txt', layout: 'space', encoding: 'utf8', eol: '\n' },
    agency: '岳阳县人民政府办公室',
    year: 2024,
    template: '2021',
    seed: 6767,
    scale: 'large',
    thousands: true,
    unit: ' 件',
    style: { font: 'sans', sizePt: 11, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.4 },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 't68-tab-units-typed-apart',
    about: 'TXT, GB18030, CRLF; tab-separated as a browser copies a table, every count in tables 3 and 4 with its unit typed after a space (26 件)',
    output: { kind: 'txt', layout: 'tab-copy', encoding: 'gb18030', eol: '\r\n' },
    agency: '桂林市七星区司法局',
    year: 2023,
    template: '2021',
    seed: 6868,
    scale: 'small',
    thousands: false,
    unit: ' 件',
    style: { font: 'sans', sizePt: 11, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.4 },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 'o69-office-group-beside-leaf',
    about: 'LibreOffice; 2021; Droid Sans Fallback 10pt, ruled, line height 1.2, table 3 cut by hand after 9 rows (续表): the group numbering （三） stands beside the last glyph of a leaf name wrapped over three lines (开), a few points from it across the rule (found by a sweep)',
    output: { kind: 'office' },
    agency: '桂林市七星区司法局',
    year: 2025,
    template: '2021',
    seed: 2052,
    scale: 'small',
    thousands: false,
    style: { font: 'truetype', sizePt: 10, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.2 },
    labels: { brackets: 'full', spaces: false },
    t3Continued: 9
  },
  {
    name: 'p70-units-wrapped',
    about: 'Chromium; 2021; every count in tables 3 and 4 with its unit (26件), the columns too narrow for 3-digit values with it: 500 on one line, 件 wrapped under it, both half a line off the row’s other values (found by a sweep); Noto Sans 12pt, ruled, line height 1.8',
    output: { kind: 'chromium' },
    agency: '常德市鼎城区教育局',
    year: 2025,
    template: '2021',
    seed: 2037,
    scale: 'large',
    thousands: false,
    unit: '件',
    style: { font: 'sans', sizePt: 12, labelCols: 'wide', numAlign: 'center', borders: true, lineHeight: 1.8 },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 'p71-2019-spread-heads-borderless',
    about: 'Chromium; 2019 (2020 report); borderless, narrow label columns, line height 2.2, header cells spread (信 息 内 容 a glyph a word), bold overprinted, table 4 in blocks, tables of the office’s own; （三） overflows its narrow cell onto 1.属于国 (found by a sweep); Noto Sans 11pt, right-aligned',
    output: { kind: 'chromium' },
    agency: '曲靖市麒麟区人力资源和社会保障局',
    year: 2020,
    template: '2019',
    seed: 2034,
    scale: 'small',
    thousands: false,
    style: { font: 'sans', sizePt: 11, labelCols: 'narrow', numAlign: 'right', borders: false, lineHeight: 2.2, distributedHeads: true, overprintBold: true },
    labels: { brackets: 'full', spaces: false },
    t4Blocks: true,
    extraTables: true
  },
  {
    name: 'g72-generator-units-wrapped',
    about: 'a report generator as g57 (every character drawn on its own), borderless, thousands separators and a unit after every count: 1,889件 wraps in its cell, 件 under the number (found by a sweep); 2021, Droid Sans Fallback 11pt, table 4 in blocks',
    output: { kind: 'generator', glyphs: 'char' },
    agency: '襄阳市襄州区人民政府',
    year: 2024,
    template: '2021',
    seed: 2020,
    scale: 'large',
    thousands: true,
    unit: '件',
    style: { font: 'truetype', sizePt: 11, labelCols: 'wide', numAlign: 'center', borders: false, lineHeight: 1.8 },
    labels: { brackets: 'half', spaces: false },
    t4Blocks: true,
    blanks: { 't3.reject_mass.other_org': '' }
  },
  {
    name: 'p73-letterhead-quote-wrapped',
    about: 'Chromium; 2021; under a letterhead, the notice’s title (…关于印发《…》的通知) set at 14pt wraps inside the quoted report name, between the agency’s place and its body (《上饶市信州区 / 卫生健康委员会2024年…》) (found by a sweep); Droid Sans Fallback 14pt, ruled',
    output: { kind: 'chromium' },
    agency: '上饶市信州区卫生健康委员会',
    year: 2024,
    template: '2021',
    seed: 3021,
    scale: 'small',
    thousands: false,
    style: { font: 'truetype', sizePt: 14, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.5 },
    labels: { brackets: 'full', spaces: false },
    letterhead: { issuer: '上饶市信州区人民政府办公室', docNo: '信政办发〔2025〕22号' }
  },
  {
    name: 'p74-distributed-borderless-14pt',
    about: 'Chromium; 2021; borderless, row labels spread over their cells (分散对齐) at 14pt and line height 2.2, group labels in upright vertical text: a justified line’s glyphs stand closer than a word gap in places, so its words mix pairs and lone glyphs at one pitch (1.属 于 国 家 秘) (found by a sweep); Droid Sans Fallback, half-width brackets',
    output: { kind: 'chromium' },
    agency: '上饶市信州区卫生健康委员会',
    year: 2024,
    template: '2021',
    seed: 3021,
    scale: 'small',
    thousands: false,
    style: { font: 'truetype', sizePt: 14, labelCols: 'medium', numAlign: 'center', borders: false, lineHeight: 2.2, distributed: true, verticalGroups: 'upright' },
    labels: { brackets: 'half', spaces: false }
  },
  {
    name: 't75-cells-t4-blocks',
    about: 'TXT, UTF-8; one cell a line (a web table copied as text), table 4 in two blocks (行政复议, then 行政诉讼 with its twelve header cells), spaces in labels (found by a sweep)',
    output: { kind: 'txt', layout: 'cells', encoding: 'utf8', eol: '\n' },
    agency: '达州市通川区住房和城乡建设局',
    year: 2024,
    template: '2021',
    seed: 5036,
    scale: 'small',
    thousands: false,
    style: { font: 'sans', sizePt: 11, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.4 },
    labels: { brackets: 'full', spaces: true },
    t4Blocks: true
  },
  {
    name: 'p76-2019-spread-note-borderless',
    about: 'Chromium; 2019 (2020 report); borderless, narrow label columns, header cells and the 勾稽 note spread over their cells (分散对齐): the note’s closing bracket stands past the label column, each table under a caption (found by a sweep); Droid Sans Fallback 11pt, line height 1.8',
    output: { kind: 'chromium' },
    agency: '南阳市卧龙区市场监督管理局',
    year: 2020,
    template: '2019',
    seed: 2036,
    scale: 'large',
    thousands: false,
    style: { font: 'truetype', sizePt: 11, labelCols: 'narrow', numAlign: 'center', borders: false, lineHeight: 1.8, distributedHeads: true },
    labels: { brackets: 'half', spaces: false },
    captions: true
  },
  {
    name: 'o77-office-units-wrapped-wide-spacing',
    about: 'LibreOffice; 2021; every count with its unit (26件) at 14pt in columns too narrow for two digits with it, line height 2.2 (a line is 3.2 em): 57 on the first line, 件 on the third, the cells that did not wrap on the line between (found by a sweep); Noto Serif CJK 14pt, ruled',
    output: { kind: 'office' },
    agency: '常德市鼎城区教育局',
    year: 2024,
    template: '2021',
    seed: 6051,
    scale: 'small',
    thousands: false,
    unit: '件',
    style: { font: 'serif', sizePt: 14, labelCols: 'wide', numAlign: 'right', borders: true, lineHeight: 2.2, valign: 'top' },
    labels: { brackets: 'full', spaces: false }
  },
  {
    name: 't78-pdftotext-spread-2019',
    about: 'TXT, UTF-8; a borderless Chromium print with labels and heads spread over their cells (分散对齐) saved by `pdftotext -layout`: a glyph a word (（ 六 ）  其 他 处 理), the wrapped tail of the row above (新 出 具 已 获 取 信 息) on the line before; 2019 (2020 report), a cell marked ——, tables of the office’s own (found by a sweep)',
    output: { kind: 'chromium-text' },
    agency: '岳阳县人民政府办公室',
    year: 2020,
    template: '2019',
    seed: 6052,
    scale: 'small',
    thousands: false,
    style: { font: 'truetype', sizePt: 11, labelCols: 'wide', numAlign: 'right', borders: false, lineHeight: 1.2, distributed: true, distributedHeads: true },
    labels: { brackets: 'full', spaces: true },
    blanks: { 't3.deny_law.research': '——' },
    extraTables: true
  },
  {
    name: 'p79-bottom-group-headings-borderless',
    about: 'Chromium; 2021; borderless, cells set to the bottom, line height 2.2: a group heading wraps low in its merged cell ((六) / 其他处 / 理), its numbering beside a middle line of the last rows’ wrapped names (再处理其政府信息) (found by a sweep); Droid Sans Fallback 11pt, spaces in labels, a cover, tables of the office’s own',
    output: { kind: 'chromium' },
    agency: '襄阳市襄州区人民政府',
    year: 2023,
    template: '2021',
    seed: 2042,
    scale: 'small',
    thousands: false,
    style: { font: 'truetype', sizePt: 11, labelCols: 'medium', numAlign: 'center', borders: false, lineHeight: 2.2, valign: 'bottom' },
    labels: { brackets: 'full', spaces: true },
    extraTables: true,
    furniture: { footer: 'dash' },
    cover: true
  },
  {
    name: 'p80-bottom-upright-groups-borderless',
    about: 'Chromium; 2021; borderless, cells set to the bottom, group headings in upright vertical text (a glyph a line), each read as one word at the middle of its stack, beside the middle of a row’s wrapped name (found by a sweep); Noto Sans 10.5pt, line height 1.8, half-width brackets',
    output: { kind: 'chromium' },
    agency: '南阳市卧龙区市场监督管理局',
    year: 2022,
    template: '2021',
    seed: 6048,
    scale: 'small',
    thousands: false,
    style: { font: 'sans', sizePt: 10.5, labelCols: 'wide', numAlign: 'right', borders: false, lineHeight: 1.8, valign: 'bottom', verticalGroups: 'upright' },
    labels: { brackets: 'half', spaces: false }
  },
  {
    name: 'p81-spread-heads-borderless',
    about: 'Chromium; 2019 (2019 report); borderless, narrow label columns, line height 2.2, every header cell and the 勾稽 note spread over its width (分散对齐) a glyph a word: 申 请 人 情 况 over seven columns, 社 会 公 益 over 组 织 in a narrow one, (本 列 数 据 … and 项 之 和 ) on the note’s first and last lines (found by a sweep, with the label rules on); Droid Sans Fallback 10.5pt, right-aligned',
    output: { kind: 'chromium' },
    agency: '曲靖市麒麟区人力资源和社会保障局',
    year: 2019,
    template: '2019',
    seed: 4007,
    scale: 'small',
    thousands: false,
    style: { font: 'truetype', sizePt: 10.5, labelCols: 'narrow', numAlign: 'right', borders: false, lineHeight: 2.2, distributedHeads: true },
    labels: { brackets: 'half', spaces: false }
  },
  {
    name: 'p82-own-tables-fee-wrapped',
    about: 'Chromium; 2021; borderless, narrow label columns, cells set to the top: table 2’s last row name wraps (行政事业性收 / 费), and a table of the office’s own (本机关主动公开信息分类统计) follows it at once (found by a sweep, with the label rules on); Noto Serif 10.5pt, line height 1.2, thousands separators, spaces in labels, table 4 in blocks',
    output: { kind: 'chromium' },
    agency: '常德市鼎城区教育局',
    year: 2022,
    template: '2021',
    seed: 2030,
    scale: 'large',
    thousands: true,
    style: { font: 'serif', sizePt: 10.5, labelCols: 'narrow', numAlign: 'center', borders: false, lineHeight: 1.2, valign: 'top' },
    labels: { brackets: 'full', spaces: true },
    t4Blocks: true,
    extraTables: true,
    furniture: { footer: 'dash' }
  },
  {
    name: 'p83-spread-heading-apart',
    about: 'Chromium; 2021; borderless, row labels spread over their cells (分散对齐) at 12pt and line height 2.2: the group heading ( 六 ) 其 他 / 处 理 stands in its column between its rows’ value lines, far from all of them (found by a sweep, with the label rules on); Noto Serif 12pt, right-aligned, half-width brackets, under a letterhead',
    output: { kind: 'chromium' },
    agency: '桂林市七星区司法局',
    year: 2022,
    template: '2021',
    seed: 2057,
    scale: 'small',
    thousands: false,
    style: { font: 'serif', sizePt: 12, labelCols: 'wide', numAlign: 'right', borders: false, lineHeight: 2.2, distributed: true },
    labels: { brackets: 'half', spaces: false },
    letterhead: { issuer: '桂林市七星区人民政府办公室', docNo: '政办发〔2022〕28号' }
  },
  {
    name: 'p84-2019-spread-heads-units',
    about: 'Chromium; 2019 (2020 report); ruled, narrow label columns, header cells spread over their width (上 一 年 项 目 数 量), counts with their unit: the head’s 项, a unit’s glyph, stands three lines under a number of the block above with nothing between in its column, and is the head’s, not a wrapped unit (found by a sweep, with the label rules on); Droid Sans Fallback 10.5pt, line height 1.2, page furniture',
    output: { kind: 'chromium' },
    agency: '上饶市信州区卫生健康委员会',
    year: 2020,
    template: '2019',
    seed: 2016,
    scale: 'small',
    thousands: false,
    style: { font: 'truetype', sizePt: 10.5, labelCols: 'narrow', numAlign: 'center', borders: true, lineHeight: 1.2, distributedHeads: true },
    labels: { brackets: 'full', spaces: true },
    unit: '件',
    furniture: { footer: 'of', header: '上饶市信州区卫生健康委员会' }
  },
  {
    name: 't85-pdftotext-bottom-heading',
    about: 'TXT, UTF-8; a ruled Chromium print at 9pt, line height 1.0, cells set to the bottom, saved by `pdftotext -layout`: the group heading （六）其他 / 处理 stands on a line of its own among the last lines of its rows’ names, which the converter sets out of order (found by a sweep); 2021, table 4 in blocks',
    output: { kind: 'chromium-text' },
    agency: '岳阳县人民政府办公室',
    year: 2024,
    template: '2021',
    seed: 7001,
    scale: 'small',
    thousands: false,
    style: { font: 'truetype', sizePt: 9, labelCols: 'wide', numAlign: 'center', borders: true, lineHeight: 1, valign: 'bottom' },
    labels: { brackets: 'full', spaces: false },
    t4Blocks: true
  },
  {
    name: 't53-space-t4-blocks',
    about: 'TXT, UTF-8; columns aligned with spaces, table 4 in two blocks (行政复议, then 行政诉讼)',
    output: { kind: 'txt', layout: 'space', encoding: 'utf8', eol: '\n' },
    agency: '仙桃市郑场镇人民政府',
    year: 2022,
    template: '2021',
    seed: 5353,
    scale: 'large',
    thousands: false,
    style: { font: 'sans', sizePt: 11, labelCols: 'medium', numAlign: 'center', borders: true, lineHeight: 1.4 },
    labels: { brackets: 'full', spaces: false },
    t4Blocks: true
  }
]

// ---------------------------------------------------------------------------------------------
// Sweep: random combinations of the knobs above, to look for layouts the extractor misreads
//   node_modules/.bin/tsx scripts/make-variants.ts --sweep COUNT [--seed N] [--out DIR]
// writes COUNT reports and their expected.json to DIR (not the fixtures); scripts/sweep-check.ts
// then reads each and lists the cells read wrong. A combination that fails becomes a variant above.
// ---------------------------------------------------------------------------------------------

const SWEEP_AGENCIES = ['襄阳市襄州区人民政府', '常德市鼎城区教育局', '南阳市卧龙区市场监督管理局', '曲靖市麒麟区人力资源和社会保障局', '上饶市信州区卫生健康委员会', '岳阳县人民政府办公室', '桂林市七星区司法局', '达州市通川区住房和城乡建设局']

function sweepVariants(count: number, seed: number): Variant[] {
  const rnd = mulberry32(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]
  const chance = (p: number) => rnd() < p
  const out: Variant[] = []
  for (let i = 0; i < count; i++) {
    const kind = pick(['chromium', 'chromium', 'chromium', 'office', 'office', 'generator', 'txt', 'txt', 'chromium-text'] as const)
    const chromium = kind === 'chromium'
    // TXT (a web page or a document copied to text) and the generator have none of the print's styling.
    const plain = kind === 'generator' || kind === 'txt'
    const txt = kind === 'txt'
    const template: Template = chance(0.2) ? '2019' : '2021'
    const scale = chance(0.4) ? 'large' : 'small'
    const style: Style = {
      font: pick(['serif', 'sans', 'truetype'] as const),
      sizePt: pick([9, 10, 10.5, 10.5, 11, 12, 14]),
      labelCols: pick(['wide', 'medium', 'narrow'] as const),
      numAlign: pick(['center', 'right'] as const),
      borders: chance(0.6),
      lineHeight: pick([1.0, 1.2, 1.5, 1.8, 2.2])
    }
    // Narrow label columns in a large font wrap the group labels a glyph a line and let
    // （三） overflow its cell: offices that narrow the columns set the table small.
    if (style.labelCols === 'narrow' && style.sizePt > 11) style.sizePt = pick([9, 10, 10.5, 11])
    if (!plain) {
      if (chance(0.25)) style.valign = pick(['top', 'bottom'] as const)
      if (chance(0.12)) style.distributed = true
      if (chance(0.08)) style.distributedHeads = true
      if (chance(0.1)) style.shadedHeads = true
      if (chance(0.08)) style.overprintBold = true
    }
    if (chromium) {
      if (chance(0.1)) style.verticalGroups = pick(['upright', 'sideways'] as const)
      if (chance(0.08)) style.watermark = '仅供参考'
      if (chance(0.08)) style.landscapeT3 = true
    }
    const v: Variant = {
      name: `s${seed}-${String(i).padStart(3, '0')}-${kind}`,
      about: 'sweep',
      output:
        kind === 'txt'
          ? { kind, layout: pick(['tab-grid', 'tab-copy', 'tab-copy', 'space', 'cells', 'markdown'] as const), encoding: pick(['utf8', 'utf8', 'gb18030', 'utf16le'] as const), eol: pick(['\n', '\r\n'] as const) }
          : kind === 'generator'
            ? { kind, glyphs: chance(0.3) ? 'char' : 'string' }
            : { kind },
      agency: pick(SWEEP_AGENCIES),
      year: template === '2019' ? pick([2019, 2020]) : pick([2021, 2022, 2023, 2024, 2025]),
      template,
      seed: seed * 1000 + i,
      scale,
      thousands: scale === 'large' && chance(0.5),
      style,
      labels: { brackets: pick(['full', 'half'] as const), spaces: chance(0.3) }
    }
    if (chance(0.1)) v.unit = '件'
    if (chance(0.15)) v.t4Blocks = true
    else if (!txt && chance(0.08)) v.t4Turned = true
    if (template === '2021' && chance(0.1)) v.t2Notes = true
    if (chance(0.1)) {
      const row = pick(template === '2019' ? ['open', 'deny_law', 'reject_mass', 'other'] : ['open', 'deny_law', 'reject_mass', 'other_fee'])
      v.blanks = { [`t3.${row}.${pick(T3_COLS.slice(0, 6))}`]: pick(['', '-', '/', '——'] as const) }
    }
    if (txt && chance(0.12)) v.captions = true
    if (!plain) {
      if (chance(0.12)) v.captions = true
      if (chance(0.08)) v.extraTables = true
      if (chance(0.08)) v.t3Continued = 6 + Math.floor(rnd() * 10)
    }
    if (chromium) {
      if (chance(0.25)) v.furniture = { footer: pick(['plain', 'dash', 'of'] as const), ...(chance(0.5) ? { header: v.agency } : {}) }
      if (chance(0.05)) v.cover = true
      else if (chance(0.05)) v.letterhead = { issuer: `${/^.*?[市州](?:.*?[区县])?/.exec(v.agency)?.[0] ?? v.agency}人民政府办公室`, docNo: `政办发〔${v.year + 1}〕${1 + (i % 30)}号` }
    }
    out.push(v)
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Official layout (domain.md §1; keys: data-model.md). Kept here, independent of src/.
// ---------------------------------------------------------------------------------------------

const T3_COLS = ['natural', 'commercial', 'research', 'social', 'legal', 'other_org', 'total'] as const
const T4_GROUPS = ['review', 'suit_direct', 'suit_after_review'] as const
const T4_COLS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const
const T4_COL_LABELS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']

interface T3Group {
  label: string
  rows: Array<[key: string, label: string]>
}
/** Table 3 body: top-level rows (label spans 3 columns), and 三 with its outcome groups. */
const T3_OUTCOMES: Record<Template, Array<[key: string, label: string] | T3Group>> = {
  '2021': [
    ['open', '（一）予以公开'],
    ['partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
    {
      label: '（三）不予公开',
      rows: [
        ['deny_secret', '1.属于国家秘密'],
        ['deny_law', '2.其他法律行政法规禁止公开'],
        ['deny_safety', '3.危及“三安全一稳定”'],
        ['deny_third', '4.保护第三方合法权益'],
        ['deny_internal', '5.属于三类内部事务信息'],
        ['deny_process', '6.属于四类过程性信息'],
        ['deny_enforce', '7.属于行政执法案卷'],
        ['deny_query', '8.属于行政查询事项']
      ]
    },
    {
      label: '（四）无法提供',
      rows: [
        ['unable_nohold', '1.本机关不掌握相关政府信息'],
        ['unable_create', '2.没有现成信息需要另行制作'],
        ['unable_unclear', '3.补正后申请内容仍不明确']
      ]
    },
    {
      label: '（五）不予处理',
      rows: [
        ['reject_petition', '1.信访举报投诉类申请'],
        ['reject_repeat', '2.重复申请'],
        ['reject_publication', '3.要求提供公开出版物'],
        ['reject_mass', '4.无正当理由大量反复申请'],
        ['reject_confirm', '5.要求行政机关确认或重新出具已获取信息']
      ]
    },
    {
      label: '（六）其他处理',
      rows: [
        ['other_overdue', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
        ['other_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
        ['other_other', '3.其他']
      ]
    },
    ['total', '（七）总计']
  ],
  '2019': [] // filled below: the 2021 list with （六） as a single row
}
T3_OUTCOMES['2019'] = T3_OUTCOMES['2021'].map((x) => (!Array.isArray(x) && x.label === '（六）其他处理' ? (['other', '（六）其他处理'] as [string, string]) : x))

function t3OutcomeKeys(t: Template): string[] {
  return T3_OUTCOMES[t].flatMap((x) => (Array.isArray(x) ? [x[0]] : x.rows.map((r) => r[0])))
}
function t3RowKeys(t: Template): string[] {
  return ['new', 'carried', ...t3OutcomeKeys(t), 'carry_next']
}

interface T2Block {
  caption: string
  /** Column headers after 信息内容; '' is an empty header cell; a single header spans 3 columns. */
  heads: string[]
  rows: Array<{ key: string; label: string; cols: Array<string | null> }>
}
function t2Layout(t: Template, feeHeader: 'national' | 'henan'): T2Block[] {
  if (t === '2021')
    return [
      {
        caption: '第二十条第（一）项',
        heads: ['本年制发件数', '本年废止件数', '现行有效件数'],
        rows: [
          { key: 'regulations', label: '规章', cols: ['issued', 'repealed', 'in_force'] },
          { key: 'normative_docs', label: '行政规范性文件', cols: ['issued', 'repealed', 'in_force'] }
        ]
      },
      { caption: '第二十条第（五）项', heads: ['本年处理决定数量'], rows: [{ key: 'licensing', label: '行政许可', cols: ['decisions'] }] },
      {
        caption: '第二十条第（六）项',
        heads: ['本年处理决定数量'],
        rows: [
          { key: 'penalty', label: '行政处罚', cols: ['decisions'] },
          { key: 'coercion', label: '行政强制', cols: ['decisions'] }
        ]
      },
      {
        caption: '第二十条第（八）项',
        heads: [feeHeader === 'henan' ? '本年收费金额（单位：万元，保留4位小数）' : '本年收费金额（单位：万元）'],
        rows: [{ key: 'fees', label: '行政事业性收费', cols: ['amount'] }]
      }
    ]
  const three = ['prev_items', 'change', 'decisions']
  return [
    {
      caption: '第二十条第（一）项',
      heads: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
      rows: [
        { key: 'regulations', label: '规章', cols: ['made', 'published', 'total'] },
        { key: 'normative_docs', label: '规范性文件', cols: ['made', 'published', 'total'] }
      ]
    },
    {
      caption: '第二十条第（五）项',
      heads: ['上一年项目数量', '本年增/减', '处理决定数量'],
      rows: [
        { key: 'licensing', label: '行政许可', cols: three },
        { key: 'other_services', label: '其他对外管理服务事项', cols: three }
      ]
    },
    {
      caption: '第二十条第（六）项',
      heads: ['上一年项目数量', '本年增/减', '处理决定数量'],
      rows: [
        { key: 'penalty', label: '行政处罚', cols: three },
        { key: 'coercion', label: '行政强制', cols: three }
      ]
    },
    {
      caption: '第二十条第（八）项',
      heads: ['上一年项目数量', '本年增/减', ''],
      rows: [{ key: 'fees', label: '行政事业性收费', cols: ['prev_items', 'change', null] }]
    },
    {
      caption: '第二十条第（九）项',
      heads: ['采购项目数量', '采购总金额（单位：万元）', ''],
      rows: [{ key: 'procurement', label: '政府集中采购', cols: ['items', 'amount', null] }]
    }
  ]
}

const SECTION_HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项'
]
const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

/** A value as printed and as expected. */
interface Val {
  text: string
  value: number | null
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

function fmtInt(n: number, thousands: boolean): string {
  const s = String(Math.abs(n))
  return (n < 0 ? '-' : '') + (thousands ? groupThousands(s) : s)
}

/** A decimal with exactly `decimals` digits (last digit non-zero, so the printed precision is unambiguous). */
function decimalVal(rnd: () => number, maxInt: number, decimals: number, thousands: boolean): Val {
  const int = Math.floor(rnd() * maxInt)
  let frac = ''
  for (let i = 0; i < decimals - 1; i++) frac += String(Math.floor(rnd() * 10))
  frac += String(1 + Math.floor(rnd() * 9))
  const text = `${thousands ? groupThousands(String(int)) : String(int)}.${frac}`
  return { text, value: Number(`${int}.${frac}`) }
}

interface Values {
  /** Canonical key → printed text and expected value, in expected.json order. */
  cells: Map<string, Val>
  /** Cells printed blank or as a mark (v.blanks): the number the tables' totals were made with. */
  marked: Record<string, number>
}

function makeValues(v: Variant): Values {
  const rnd = mulberry32(v.seed)
  const ri = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1))
  const large = v.scale === 'large'
  const cells = new Map<string, Val>()
  const unit = (key: string) => (v.unit && /^t[34]\./.test(key) ? v.unit : '')
  const int = (key: string, n: number) => cells.set(key, { text: fmtInt(n, v.thousands) + unit(key), value: n })

  // Table 2
  if (v.template === '2021') {
    const regIssued = ri(0, 3)
    int('t2.regulations.issued', regIssued)
    int('t2.regulations.repealed', ri(0, 2))
    int('t2.regulations.in_force', regIssued + ri(4, 30))
    const ndIssued = ri(3, large ? 60 : 25)
    int('t2.normative_docs.issued', ndIssued)
    int('t2.normative_docs.repealed', ri(0, 9))
    int('t2.normative_docs.in_force', ndIssued + ri(10, large ? 400 : 90))
    int('t2.licensing.decisions', large ? ri(1200, 48000) : ri(20, 950))
    int('t2.penalty.decisions', large ? ri(1000, 9000) : ri(5, 300))
    int('t2.coercion.decisions', large ? ri(100, 2500) : ri(0, 60))
    cells.set('t2.fees.amount', decimalVal(rnd, large ? 60000 : 900, 4, v.thousands))
  } else {
    for (const row of ['regulations', 'normative_docs']) {
      const made = row === 'regulations' ? ri(0, 2) : ri(3, large ? 40 : 15)
      const published = Math.max(0, made - ri(0, 1))
      int(`t2.${row}.made`, made)
      int(`t2.${row}.published`, published)
      int(`t2.${row}.total`, published + ri(row === 'regulations' ? 2 : 20, large ? 300 : 80))
    }
    for (const row of ['licensing', 'other_services', 'penalty', 'coercion']) {
      const prev = large ? ri(40, 1800) : ri(5, 320)
      int(`t2.${row}.prev_items`, prev)
      // 本年增/减 is signed: mostly reductions after 放管服 streamlining.
      int(`t2.${row}.change`, rnd() < 0.65 ? -ri(1, Math.max(2, Math.floor(prev / 6))) : ri(1, 40))
      int(`t2.${row}.decisions`, large ? ri(300, 28000) : ri(0, 900))
    }
    const feePrev = ri(3, 40)
    int('t2.fees.prev_items', feePrev)
    int('t2.fees.change', -ri(1, Math.min(9, feePrev)))
    int('t2.procurement.items', ri(4, 90))
    cells.set('t2.procurement.amount', decimalVal(rnd, large ? 20000 : 2500, 2, v.thousands))
  }

  // Table 3: outcomes drawn per row (six distinct values in a non-zero row, so that a column
  // shift shows), totals by sums, and 一 = 三(七) + 四 − 二 so the printed cross-footing holds.
  const outcomeKeys = t3OutcomeKeys(v.template).filter((k) => k !== 'total')
  const keyRows = new Set(['open', 'partial', 'unable_nohold', 'reject_repeat'])
  const grid: Record<string, number[]> = {}
  const distinctRow = (maxNat: number, maxOrg: number, minNat = 0): number[] => {
    for (;;) {
      const r = [ri(minNat, maxNat), ri(0, maxOrg), ri(0, maxOrg), ri(0, maxOrg), ri(0, maxOrg), ri(0, maxOrg)]
      if (new Set(r).size === 6) return r
    }
  }
  for (const k of outcomeKeys) {
    if (!keyRows.has(k) && rnd() < 0.3) grid[k] = [0, 0, 0, 0, 0, 0]
    else if (large && keyRows.has(k)) grid[k] = distinctRow(900, 60, 120)
    else grid[k] = distinctRow(large ? 40 : 18, large ? 15 : 7)
  }
  grid.total = [0, 1, 2, 3, 4, 5].map((c) => outcomeKeys.reduce((s, k) => s + grid[k][c], 0))
  grid.carry_next = distinctRow(large ? 30 : 8, 6)
  const carried = distinctRow(large ? 25 : 7, 6)
  grid.carried = carried.map((x, c) => Math.min(x, grid.total[c] + grid.carry_next[c]))
  grid.new = [0, 1, 2, 3, 4, 5].map((c) => grid.total[c] + grid.carry_next[c] - grid.carried[c])
  for (const row of t3RowKeys(v.template)) {
    const r = grid[row]
    const all = [...r, r.reduce((s, x) => s + x, 0)]
    T3_COLS.forEach((c, i) => int(`t3.${row}.${c}`, all[i]))
  }
  const marked: Record<string, number> = {}
  for (const [key, shown] of Object.entries(v.blanks ?? {})) {
    if (!cells.has(key)) throw new Error(`${v.name}: blank on unknown key ${key}`)
    marked[key] = cells.get(key)!.value!
    cells.set(key, { text: shown, value: null })
  }

  // Table 4
  for (const g of T4_GROUPS) {
    const quiet = g === 'suit_after_review' && rnd() < 0.5
    const four = quiet ? [0, 0, 0, 0] : [ri(0, large ? 30 : 6), ri(0, large ? 8 : 3), ri(0, large ? 10 : 3), ri(0, large ? 6 : 2)]
    const all = [...four, four.reduce((s, x) => s + x, 0)]
    T4_COLS.forEach((c, i) => int(`t4.${g}.${c}`, all[i]))
  }

  // Order: t2 (layout order), t3, t4.
  const order = [
    ...t2Layout(v.template, 'national').flatMap((b) => b.rows.flatMap((r) => r.cols.filter((c): c is string => !!c).map((c) => `t2.${r.key}.${c}`))),
    ...t3RowKeys(v.template).flatMap((r) => T3_COLS.map((c) => `t3.${r}.${c}`)),
    ...T4_GROUPS.flatMap((g) => T4_COLS.map((c) => `t4.${g}.${c}`))
  ]
  if (order.length !== cells.size || order.some((k) => !cells.has(k))) throw new Error(`${v.name}: key set mismatch`)
  return { cells: new Map(order.map((k) => [k, cells.get(k)!])), marked }
}

// ---------------------------------------------------------------------------------------------
// Table model (one model, rendered to HTML and to the TXT layouts)
// ---------------------------------------------------------------------------------------------

interface Cell {
  text: string
  colspan?: number
  rowspan?: number
  role: 'caption' | 'head' | 'label' | 'num'
  /** A group label spanning rows (三、本年度办理结果, （三）不予公开 …). */
  group?: true
}
interface Table {
  id: 't2' | 't3' | 't4'
  ncols: number
  /** Number of leading rows that form the column header (put in <thead> when requested). */
  headRows: number
  rows: Cell[][]
  /** Column widths in % for the HTML colgroup. */
  widths: number[]
}

/** Label spelling of the variant: bracket width and spaces inside labels. */
function labelText(v: Variant, s: string): string {
  let t = s
  if (v.labels.spaces) {
    t = t
      .replace(/^(（[一二三四五六七]）)/, '$1 ')
      .replace(/^(\d\.)/, '$1 ')
      .replace(/^(结果|其他|尚未)(维持|纠正|结果|审结)$/, '$1 $2')
  }
  if (v.labels.brackets === 'half') t = t.replace(/（/g, '(').replace(/）/g, ')')
  return t
}

/** A provincial template's filling notes (see Variant.t2Notes), by the name they follow. */
function t2Notes(year: number): Record<string, string> {
  const counts = `（指${year}年办件量）`
  return {
    规章: '（设区的市、自治州人民政府填报）',
    规范性文件: '（指行政机关依法制定、公开发布，在一定时期内反复适用的公文）',
    行政规范性文件: '（指行政机关依法制定、公开发布，在一定时期内反复适用的公文）',
    其他对外管理服务事项: '（指行政许可以外的政务服务事项，含行政确认、行政奖励、行政给付、行政处罚、行政强制等）',
    上一年项目数量: `（指${year - 1}年事项数）`,
    '本年增/减': `（指${year}年增加或减少的事项数，减少的用负数表示，如-8）`,
    处理决定数量: counts,
    本年处理决定数量: counts,
    采购项目数量: `（指${year}年采购项目数）`
  }
}
const T2_PROVINCE_ROW = '其他主动公开文件（含以本单位名义印发的、规范性文件以外的文件）'

function buildT2(v: Variant, vals: Values): Table {
  const rows: Cell[][] = []
  const notes = v.t2Notes ? t2Notes(v.year) : {}
  const noted = (s: string) => s + (notes[s] ?? '')
  for (const b of t2Layout(v.template, v.feeHeader ?? 'national')) {
    rows.push([{ text: labelText(v, b.caption), colspan: 4, role: 'caption' }])
    const heads: Cell[] = [{ text: '信息内容', role: 'head' }]
    if (b.heads.length === 1) heads.push({ text: labelText(v, noted(b.heads[0])), colspan: 3, role: 'head' })
    else for (const h of b.heads) heads.push({ text: labelText(v, noted(h)), role: 'head' })
    rows.push(heads)
    for (const r of b.rows) {
      const cells: Cell[] = [{ text: labelText(v, noted(r.label)), role: 'label' }]
      if (r.cols.length === 1) cells.push({ text: vals.cells.get(`t2.${r.key}.${r.cols[0]}`)!.text, colspan: 3, role: 'num' })
      else for (const c of r.cols) cells.push({ text: c ? vals.cells.get(`t2.${r.key}.${c}`)!.text : '', role: 'num' })
      rows.push(cells)
      // The province's own row, with numbers of its own (not official cells: nothing expected).
      if (v.t2Notes && r.key === 'normative_docs') {
        const own = r.cols.map((c, i) => String((Number(vals.cells.get(`t2.${r.key}.${c}`)!.value) || 0) * 3 + 7 * (i + 1)))
        rows.push([{ text: labelText(v, T2_PROVINCE_ROW), role: 'label' }, ...own.map((text) => ({ text, role: 'num' as const }))])
      }
    }
  }
  const w = { wide: 31, medium: 25, narrow: 16 }[v.style.labelCols]
  return { id: 't2', ncols: 4, headRows: 0, rows, widths: [w, ...Array(3).fill((100 - w) / 3)] }
}

function buildT3(v: Variant, vals: Values): Table {
  const num = (row: string): Cell[] => T3_COLS.map((c) => ({ text: vals.cells.get(`t3.${row}.${c}`)!.text, role: 'num' as const }))
  const L = (s: string) => labelText(v, s)
  const rows: Cell[][] = [
    [
      { text: L(T3_NOTE), colspan: 3, rowspan: 3, role: 'head' },
      { text: '申请人情况', colspan: 7, role: 'head' }
    ],
    [
      { text: '自然人', rowspan: 2, role: 'head' },
      { text: '法人或其他组织', colspan: 5, role: 'head' },
      { text: '总计', rowspan: 2, role: 'head' }
    ],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t) => ({ text: t, role: 'head' as const })),
    [{ text: L('一、本年新收政府信息公开申请数量'), colspan: 3, role: 'label' }, ...num('new')],
    [{ text: L('二、上年结转政府信息公开申请数量'), colspan: 3, role: 'label' }, ...num('carried')]
  ]
  const outcomes = T3_OUTCOMES[v.template]
  const span = outcomes.reduce((s, x) => s + (Array.isArray(x) ? 1 : x.rows.length), 0)
  let first = true
  for (const x of outcomes) {
    const lead: Cell[] = first ? [{ text: L('三、本年度办理结果'), rowspan: span, role: 'label', group: true }] : []
    first = false
    if (Array.isArray(x)) rows.push([...lead, { text: L(x[1]), colspan: 2, role: 'label' }, ...num(x[0])])
    else
      x.rows.forEach(([key, label], i) =>
        rows.push([
          ...(i === 0 ? [...lead, { text: L(x.label), rowspan: x.rows.length, role: 'label' as const, group: true as const }] : []),
          { text: L(label), role: 'label' },
          ...num(key)
        ])
      )
  }
  rows.push([{ text: L('四、结转下年度继续办理'), colspan: 3, role: 'label' }, ...num('carry_next')])
  const lw = { wide: [10, 12, 27], medium: [8, 10, 20], narrow: [6, 7, 11] }[v.style.labelCols]
  const rest = (100 - lw.reduce((a, b) => a + b, 0)) / 7
  return { id: 't3', ncols: 10, headRows: 3, rows, widths: [...lw, ...Array(7).fill(rest)] }
}

function buildT4(v: Variant, vals: Values): Table {
  const L = (s: string) => labelText(v, s)
  const h = (labels: string[], rowspan?: number): Cell[] => labels.map((t) => ({ text: L(t), rowspan, role: 'head' as const }))
  const rows: Cell[][] = [
    [
      { text: '行政复议', colspan: 5, role: 'head' },
      { text: '行政诉讼', colspan: 10, role: 'head' }
    ],
    [...h(T4_COL_LABELS, 2), { text: '未经复议直接起诉', colspan: 5, role: 'head' }, { text: '复议后起诉', colspan: 5, role: 'head' }],
    [...h(T4_COL_LABELS), ...h(T4_COL_LABELS)],
    T4_GROUPS.flatMap((g) => T4_COLS.map((c) => ({ text: vals.cells.get(`t4.${g}.${c}`)!.text, role: 'num' as const })))
  ]
  return { id: 't4', ncols: 15, headRows: 3, rows, widths: Array(15).fill(100 / 15) }
}

/** Table 4 as printed by the variant: one table, or two blocks (t4Blocks). */
function t4Tables(v: Variant, vals: Values): Table[] {
  if (!v.t4Blocks && !v.t4Turned) return [buildT4(v, vals)]
  const L = (s: string) => labelText(v, s)
  const h = (labels: string[]): Cell[] => labels.map((t) => ({ text: L(t), role: 'head' as const }))
  const nums = (groups: readonly string[]): Cell[] => groups.flatMap((g) => T4_COLS.map((c) => ({ text: vals.cells.get(`t4.${g}.${c}`)!.text, role: 'num' as const })))
  if (v.t4Turned) {
    const named: Array<[string, string]> = [['review', '行政复议'], ['suit_direct', '行政诉讼（未经复议直接起诉）'], ['suit_after_review', '行政诉讼（复议后起诉）']]
    return [
      {
        id: 't4',
        ncols: 6,
        headRows: 1,
        rows: [[{ text: '项目', role: 'head' }, ...h(T4_COL_LABELS)], ...named.map(([g, name]): Cell[] => [{ text: L(name), role: 'label' }, ...nums([g])])],
        widths: [30, 14, 14, 14, 14, 14]
      }
    ]
  }
  const review: Table = {
    id: 't4',
    ncols: 5,
    headRows: 2,
    rows: [[{ text: '行政复议', colspan: 5, role: 'head' }], h(T4_COL_LABELS), nums(['review'])],
    widths: Array(5).fill(20)
  }
  const suits: Table = {
    id: 't4',
    ncols: 10,
    headRows: 3,
    rows: [
      [{ text: '行政诉讼', colspan: 10, role: 'head' }],
      [
        { text: '未经复议直接起诉', colspan: 5, role: 'head' },
        { text: '复议后起诉', colspan: 5, role: 'head' }
      ],
      [...h(T4_COL_LABELS), ...h(T4_COL_LABELS)],
      nums(['suit_direct', 'suit_after_review'])
    ],
    widths: Array(10).fill(10)
  }
  return [review, suits]
}

/** The table as a full grid: each cell at its top-left position; positions it covers are null. */
function toGrid(t: Table): Array<Array<Cell | null>> {
  const grid: Array<Array<Cell | null | undefined>> = t.rows.map(() => Array(t.ncols).fill(undefined))
  t.rows.forEach((row, r) => {
    let c = 0
    for (const cell of row) {
      while (grid[r][c] !== undefined) c++
      const cs = cell.colspan ?? 1
      const rs = cell.rowspan ?? 1
      for (let i = 0; i < rs; i++) for (let j = 0; j < cs; j++) grid[r + i][c + j] = i === 0 && j === 0 ? cell : null
      c += cs
    }
  })
  return grid.map((row, r) =>
    row.map((x, c) => {
      if (x === undefined) throw new Error(`table ${t.id}: hole at row ${r} col ${c}`)
      return x
    })
  )
}

/**
 * A table cut after `body` rows below its header: the first part, and the rest with the header
 * again. A merged cell that crosses the cut ends there; the rest of it is a blank merged cell.
 */
function splitTable(t: Table, body: number): [Table, Table] {
  const cut = t.headRows + body
  // Each grid position's cell and the row and column it starts at.
  const origin: Array<Array<{ cell: Cell; r: number; c: number }>> = t.rows.map(() => [])
  t.rows.forEach((row, r) => {
    let c = 0
    for (const cell of row) {
      while (origin[r][c]) c++
      for (let i = 0; i < (cell.rowspan ?? 1); i++) for (let j = 0; j < (cell.colspan ?? 1); j++) origin[r + i][c + j] = { cell, r, c }
      c += cell.colspan ?? 1
    }
  })
  const rowsFrom = (from: number, to: number): Cell[][] =>
    Array.from({ length: to - from }, (_, k) => {
      const r = from + k
      const out: Cell[] = []
      for (let c = 0; c < t.ncols; c++) {
        const o = origin[r][c]
        if (o.c !== c) continue // covered by a cell to its left
        const end = Math.min(o.r + (o.cell.rowspan ?? 1), to)
        if (o.r === r) out.push({ ...o.cell, rowspan: end - r })
        else if (r === from) out.push({ ...o.cell, text: '', rowspan: end - r }) // the blank rest of a cut cell
      }
      return out
    })
  const head = rowsFrom(0, t.headRows)
  return [
    { ...t, rows: [...head, ...rowsFrom(t.headRows, cut)] },
    { ...t, rows: [...head, ...rowsFrom(cut, t.rows.length)] }
  ]
}

// ---------------------------------------------------------------------------------------------
// Prose
// ---------------------------------------------------------------------------------------------

function shortName(v: Variant): string {
  if (/人民政府$/.test(v.agency)) return v.agency.replace(/^.*?市/, '').replace(/人民政府$/, '') || '本机关'
  return '本机关'
}

function sections(v: Variant, vals: Values): string[][] {
  const who = shortName(v)
  const y = v.year
  const n = (k: string) => vals.cells.get(k)!.value
  const newTotal = n('t3.new.total')
  const review = n('t4.review.total')
  const suits = (n('t4.suit_direct.total') ?? 0) + (n('t4.suit_after_review.total') ?? 0)
  const lead = [
    `${y}年，${who}深入贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，围绕中心工作推进决策、执行、管理、服务、结果公开，政府信息公开工作取得新进展。现将有关情况报告如下。本报告中所列数据的统计期限为${y}年1月1日至${y}年12月31日。`,
    `（一）主动公开。全年通过门户网站主动公开政府信息，及时发布政策文件、财政预决算、重点项目和民生实事等信息，做好政策解读和回应关切工作。`,
    `（二）依申请公开。规范申请登记、审核、答复等环节，全年共收到政府信息公开申请${newTotal}件，均在法定期限内答复。`,
    `（三）政府信息管理。落实公开属性源头认定和发布前保密审查，对已公开信息开展动态调整。`,
    `（四）政府信息公开平台建设。优化政府信息公开专栏，加强政务新媒体管理，提升平台集约化水平。`,
    `（五）监督保障。将政务公开纳入年度绩效考核，组织业务培训，开展常态化检查，未发生责任追究情况。`
  ]
  const filler = [
    '按照年度政务公开工作要点，严格执行申请接收、登记、办理、答复全流程管理，对每件申请建立台账，做到件件有登记、事事有回音。对申请内容不明确的，及时一次性告知补正事项；对涉及第三方权益的，依法征求第三方意见。',
    '加强与法律顾问、行政复议机构的沟通会商，对疑难复杂申请开展集体研究，规范答复文书格式，确保答复内容合法、依据充分、说理清楚。同时做好答复后的跟踪回访，及时了解申请人意见，持续改进办理质量。',
    '坚持依法依规办理，建立申请办理提醒机制，定期通报办理进度，防止超期答复。对办理过程中发现的普遍性问题，及时转化为主动公开内容，减少重复申请。',
    '进一步完善依申请公开工作制度，修订办理规程，细化各环节职责分工和时限要求，推进依申请公开工作规范化、标准化。'
  ]
  const s3 = [`${y}年，共收到政府信息公开申请${newTotal}件，具体情况见下表。`]
  if (v.t3Split) s3.unshift(...filler.slice(0, v.t3Split.leadParagraphs))
  return [
    lead,
    [`${y}年，主动公开政府信息情况如下表。`],
    s3,
    [`${y}年，因政府信息公开工作被申请行政复议${review}件、提起行政诉讼${suits}件，具体情况如下表。`],
    [
      '存在的问题：一是政策解读形式还不够丰富；二是个别栏目信息更新不够及时；三是工作人员业务能力有待提升。',
      '改进措施：一是丰富图解、视频等解读形式；二是健全信息发布审核和更新机制；三是加强业务培训和日常指导。'
    ],
    [
      v.year >= 2021
        ? `按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）规定，${y}年本机关未发出收费通知，未收取信息处理费。`
        : '无其他需要报告的事项。'
    ]
  ]
}

function titleLines(v: Variant): string[] {
  return v.title ?? [`${v.agency}${v.year}年政府信息公开工作年度报告`]
}

// ---------------------------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------------------------

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function tableHtml(v: Variant, t: Table, office: boolean): string {
  const align = v.style.numAlign
  const border = v.style.borders
  const td = (c: Cell) => {
    const attrs: string[] = []
    if (c.colspan && c.colspan > 1) attrs.push(`colspan="${c.colspan}"`)
    if (c.rowspan && c.rowspan > 1) attrs.push(`rowspan="${c.rowspan}"`)
    const a = c.role === 'num' ? align : c.role === 'label' ? 'left' : 'center'
    attrs.push(`align="${a}"`, `class="${c.role}${c.group ? ' group' : ''}"`)
    return `<td ${attrs.join(' ')}>${esc(c.text)}</td>`
  }
  const tr = (row: Cell[]) => `<tr>${row.map(td).join('')}</tr>`
  const cols = `<colgroup>${t.widths.map((w) => `<col width="${w.toFixed(2)}%">`).join('')}</colgroup>`
  const tableAttrs = `class="${t.id}" width="100%" cellspacing="0" cellpadding="${office ? 2 : 3}" border="${border ? 1 : 0}"`
  const useThead = t.id === 't3' && v.t3Split?.thead
  const head = useThead ? `<thead>${t.rows.slice(0, t.headRows).map(tr).join('')}</thead>` : ''
  const body = `<tbody>${(useThead ? t.rows.slice(t.headRows) : t.rows).map(tr).join('')}</tbody>`
  return `<table ${tableAttrs}>${cols}${head}${body}</table>`
}

/** An office's own table after table 2 (i = 1) or table 3 (i = 2): a caption, a header, rows of counts. */
function extraTableHtml(v: Variant, i: number): string {
  const rnd = mulberry32(v.seed + i)
  const [caption, head, rows] =
    i === 1
      ? ['本机关主动公开信息分类统计', ['信息类别', '公开条数'], ['机构职能', '政策文件', '规划计划', '财政资金', '人事信息']]
      : ['依申请公开申请方式统计', ['申请方式', '件数'], ['当面申请', '网上申请', '信函申请', '传真申请']]
  const border = v.style.borders ? 1 : 0
  const tr = (cells: string[], tag = 'td') => `<tr>${cells.map((c) => `<${tag} align="center">${esc(c)}</${tag}>`).join('')}</tr>`
  return `<p style="text-indent:0; text-align:center">${caption}</p><table class="extra" width="60%" border="${border}" cellspacing="0" cellpadding="3" style="width:60%; margin: 0 auto 0.8em auto">${tr(head)}${rows.map((r) => tr([r, String(Math.floor(rnd() * 300))])).join('')}</table>`
}

function html(v: Variant, vals: Values, office: boolean): string {
  const s = v.style
  const font = { serif: SERIF, sans: SANS, truetype: TRUETYPE }[s.font]
  const border = s.borders ? '0.75pt solid #000' : 'none'
  const css = `
@page { size: A4; margin: 20mm 18mm; }
body { font-family: ${font}; font-size: ${s.sizePt}pt; line-height: ${s.lineHeight}; color: #000; }
h1 { font-size: ${s.sizePt + 6}pt; text-align: center; font-weight: bold; margin: 0 0 1em 0; line-height: 1.4; }
h2 { font-size: ${s.sizePt + 1}pt; font-weight: bold; margin: 0.8em 0 0.4em 0; }
p { text-indent: 2em; margin: 0.3em 0; text-align: justify; }
table { border-collapse: collapse; table-layout: fixed; width: 100%; margin: 0.4em 0 0.8em 0; }
td { border: ${border}; padding: 2pt 3pt; font-size: ${s.sizePt}pt; line-height: ${s.lineHeight}; vertical-align: ${s.valign ?? 'middle'}; }
td.num { text-align: ${s.numAlign}; }
td.label { text-align: left; }
td.head, td.caption { text-align: center; }
table.t2, table.t4 { break-inside: avoid; }
${s.distributed ? 'td.label { text-align: justify !important; text-align-last: justify; }' : ''}
${s.shadedHeads ? 'td.head, td.caption { background: #d9d9d9; }' : ''}
${s.titleSpacing ? `h1 { letter-spacing: ${s.titleSpacing}em; }` : ''}
${s.watermark ? `.wm { position: fixed; top: 45%; left: 10%; font-size: 60pt; color: #e0e0e0; ${s.watermarkLevel ? 'letter-spacing: 0.3em;' : 'transform: rotate(-35deg);'} z-index: -1; white-space: nowrap; }` : ''}
${s.verticalGroups ? `td.group { writing-mode: vertical-rl; text-orientation: ${s.verticalGroups}; text-align: center; }` : ''}
${s.distributedHeads ? 'td.head { text-align: justify !important; text-align-last: justify; }' : ''}
${s.overprintBold ? 'h1, h2, td.head, td.caption, table.t3 tr td:last-child { font-weight: normal; text-shadow: 0.35pt 0 0 #000; }' : ''}
${s.t3Sideways ? 'div.sideways { break-before: page; break-after: page; position: relative; height: 250mm; } div.sideways > table.t3 { position: absolute; left: 0; top: 0; width: 250mm; margin: 0; transform-origin: top left; transform: translateX(174mm) rotate(90deg); }' : ''}
${v.cover ? '.cover { break-after: page; text-align: center; padding-top: 60mm; } .c-agency { font-size: 26pt; font-weight: bold; } .c-title { font-size: 24pt; font-weight: bold; margin-top: 12mm; } .c-date { font-size: 16pt; margin-top: 80mm; } .toc { break-after: page; } .toc-head { text-align: center; font-size: 18pt; margin-bottom: 8mm; } p.toc-entry { text-indent: 0; white-space: nowrap; display: flex; align-items: baseline; } .toc-rule { flex: 1; border-bottom: 1pt dotted #000; margin: 0 2mm; }' : ''}
${v.letterhead ? `.redhead { color: #d00; font-size: 36pt; font-weight: bold; text-align: center; letter-spacing: 0.1em; margin: 10mm 0 8mm 0; } .docno { text-align: center; font-size: ${s.sizePt + 2}pt; } hr.red { border: 0; border-top: 2pt solid #d00; margin: 3mm 0 10mm 0; }` : ''}
${s.landscapeT3 ? '@page land { size: A4 landscape; margin: 15mm 20mm; } table.t3 { page: land; }' : ''}
`
  const secs = sections(v, vals)
  const tables: Record<number, Table> = { 1: buildT2(v, vals), 2: buildT3(v, vals), 3: buildT4(v, vals) }
  const parts: string[] = []
  if (s.watermark) parts.push(`<div class="wm">${esc(s.watermark)}</div>`)
  if (v.cover) {
    parts.push(`<div class="cover"><div class="c-agency">${esc(v.agency)}</div><div class="c-title">${v.year}年政府信息公开工作年度报告</div><div class="c-date">${v.year + 1}年1月</div></div>`)
    // A TOC: each heading, a leader, its page number (the report starts on page 3). The leader
    // drawn as a dotted rule on some lines (the number then stands apart); typed as dots that
    // run into the number on the others (one word: 一、总体情况............3).
    parts.push('<div class="toc"><div class="toc-head">目  录</div>')
    SECTION_HEADINGS.forEach((h, i) => {
      const page = 3 + Math.floor(i / 2)
      const entry = i % 2 ? `<span class="toc-rule"></span><span>${page}</span>` : `<span>${'.'.repeat(12)}${page}</span>`
      parts.push(`<p class="toc-entry"><span>${esc(h)}</span>${entry}</p>`)
    })
    parts.push('</div>')
  }
  if (v.letterhead) {
    const { issuer, docNo } = v.letterhead
    const name = titleLines(v).join('')
    parts.push(`<div class="redhead">${esc(issuer)}文件</div>`, `<div class="docno">${esc(docNo)}</div>`, '<hr class="red">')
    parts.push(`<h1>${esc(issuer)}关于印发《${esc(name)}》的通知</h1>`)
    parts.push('<p style="text-indent:0">各乡镇人民政府，县政府各部门，各有关单位：</p>')
    parts.push(`<p>现将《${esc(name)}》印发给你们，请结合实际认真贯彻落实。</p>`)
    parts.push(`<p align="right" style="text-align:right">${esc(issuer)}</p>`, `<p align="right" style="text-align:right; break-after: page">${v.year + 1}年1月20日</p>`)
  }
  // Behind a cover, the report's text begins without its title again (as booklets print it).
  if (!v.cover) parts.push(`<h1>${titleLines(v).map(esc).join('<br>')}</h1>`)
  SECTION_HEADINGS.forEach((h, i) => {
    parts.push(`<h2>${esc(h)}</h2>`)
    for (const p of secs[i]) parts.push(`<p>${esc(p)}</p>`)
    if (tables[i] && !v.appendixTables && v.t3Continued && tables[i].id === 't3') {
      const [first, rest] = splitTable(tables[i], v.t3Continued)
      parts.push(tableHtml(v, first, office), '<p style="break-before: page; text-indent: 0">续表</p>', tableHtml(v, rest, office))
    } else if (tables[i] && !v.appendixTables && tables[i].id === 't4' && (v.t4Blocks || v.t4Turned)) {
      for (const t of t4Tables(v, vals)) parts.push(tableHtml(v, t, office), '<p style="text-indent: 0">&nbsp;</p>')
    } else if (tables[i] && !v.appendixTables) {
      if (v.captions) {
        const caption = `表${i} ${SECTION_HEADINGS[i].replace(/^[一二三四五六]、/, '')}`
        parts.push(`<p style="text-indent:0; text-align:center">${esc(caption)}</p>`, '<p style="text-indent:0; text-align:right">单位：件</p>')
      }
      const table = tableHtml(v, tables[i], office)
      parts.push(s.t3Sideways && tables[i].id === 't3' ? `<div class="sideways">${table}</div>` : table)
      if (v.extraTables && i < 3) parts.push(extraTableHtml(v, i))
      if (v.captions && tables[i].id === 't3') parts.push(`<p style="text-indent:0">注：本表统计${v.year}年1月1日至12月31日收到和处理的申请，同一申请人的多项申请按申请件数分别统计。</p>`)
    }
  })
  parts.push(`<p align="right" style="text-align:right">${esc(v.agency)}</p>`)
  parts.push(`<p align="right" style="text-align:right">${v.year + 1}年1月${10 + (v.seed % 18)}日</p>`)
  if (v.appendixTables) {
    parts.push('<h2 style="break-before: page">附表</h2>')
    ;[1, 2, 3].forEach((i, n) => parts.push(`<p style="text-indent:0">${'一二三'[n]}、${esc(SECTION_HEADINGS[i].replace(/^[一二三四五六]、/, ''))}</p>`, tableHtml(v, tables[i], office)))
  }
  return `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(titleLines(v).join(''))}</title><style>${css}</style></head>\n<body>\n${parts.join('\n')}\n</body></html>\n`
}

// ---------------------------------------------------------------------------------------------
// Report-generator layout (scripts/variant-pdfgen.py)
// ---------------------------------------------------------------------------------------------

/** The document as the generator script lays it out: title, headings, paragraphs, tables. */
function generatorModel(v: Variant, vals: Values, glyphs: 'string' | 'char'): object {
  const s = v.style
  const unsupported = [v.cover, v.letterhead, v.appendixTables, v.extraTables, v.captions, v.t3Continued, v.t3Image, v.furniture, s.watermark, s.verticalGroups, s.landscapeT3, s.t3Sideways, s.distributed, s.distributedHeads, s.overprintBold, s.valign]
  if (unsupported.some(Boolean)) throw new Error(`${v.name}: the generator layout has no such feature`)
  const table = (t: Table) => ({ table: { widths: t.widths, rows: t.rows.map((row) => row.map((c) => ({ text: c.text, role: c.role, colspan: c.colspan ?? 1, rowspan: c.rowspan ?? 1 }))) } })
  const secs = sections(v, vals)
  const tables: Record<number, Table> = { 1: buildT2(v, vals), 2: buildT3(v, vals), 3: buildT4(v, vals) }
  const blocks: object[] = []
  SECTION_HEADINGS.forEach((h, i) => {
    blocks.push({ h })
    for (const p of secs[i]) blocks.push({ p })
    if (tables[i]) for (const t of tables[i].id === 't4' && (v.t4Blocks || v.t4Turned) ? t4Tables(v, vals) : [tables[i]]) blocks.push(table(t))
  })
  blocks.push({ right: v.agency }, { right: `${v.year + 1}年1月${10 + (v.seed % 18)}日` })
  return { size: s.sizePt, borders: s.borders, numAlign: s.numAlign, glyphs, title: titleLines(v), blocks }
}

// ---------------------------------------------------------------------------------------------
// TXT layouts
// ---------------------------------------------------------------------------------------------

/** Display width: CJK and full-width characters count 2. */
function width(s: string): number {
  let w = 0
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6“”]/.test(ch) ? 2 : 1
  return w
}

function tableTxt(t: Table, layout: 'tab-grid' | 'tab-copy' | 'space' | 'cells' | 'markdown'): string[] {
  const grid = toGrid(t)
  if (layout === 'tab-grid') return grid.map((row) => row.map((c) => c?.text ?? '').join('\t'))
  if (layout === 'tab-copy') return t.rows.map((row) => row.map((c) => c.text).join('\t'))
  if (layout === 'cells') return t.rows.flatMap((row) => row.map((c) => c.text))
  // markdown: a document converted to Markdown (pipe tables, every grid position present, a
  // separator line under the first row).
  if (layout === 'markdown') {
    const rows = grid.map((row) => `| ${row.map((c) => c?.text ?? '').join(' | ')} |`)
    return [rows[0], `|${' --- |'.repeat(t.ncols)}`, ...rows.slice(1)]
  }
  // space: columns padded to a common width (at least two spaces between columns); cells that
  // span columns take the width of all of them; covered positions are spaces.
  const colW = Array(t.ncols).fill(0)
  grid.forEach((row) => row.forEach((c, j) => c && (c.colspan ?? 1) === 1 && (colW[j] = Math.max(colW[j], width(c.text)))))
  return grid.map((row) => {
    let line = ''
    for (let j = 0; j < t.ncols; ) {
      const c = row[j]
      const cs = c?.colspan ?? 1
      const w = colW.slice(j, j + cs).reduce((a, b) => a + b, 0) + 2 * (cs - 1)
      const text = c?.text ?? ''
      line += text + ' '.repeat(Math.max(0, w - width(text))) + '  '
      j += cs
    }
    return line.replace(/\s+$/, '')
  })
}

function txt(v: Variant, vals: Values, layout: 'tab-grid' | 'tab-copy' | 'space' | 'cells' | 'markdown'): string {
  const secs = sections(v, vals)
  const tables: Record<number, Table> = { 1: buildT2(v, vals), 2: buildT3(v, vals), 3: buildT4(v, vals) }
  const md = layout === 'markdown'
  const lines: string[] = [...titleLines(v).map((l) => (md ? `# ${l}` : l)), '']
  SECTION_HEADINGS.forEach((h, i) => {
    lines.push(md ? `## **${h}**` : h, '')
    for (const p of secs[i]) lines.push(p, '')
    if (tables[i] && v.captions) lines.push(`表${i}：${SECTION_HEADINGS[i].replace(/^[一二三四五六]、/, '')}（单位：件）`)
    if (tables[i]) for (const t of tables[i].id === 't4' ? t4Tables(v, vals) : [tables[i]]) lines.push(...tableTxt(t, layout), '')
    if (tables[i]?.id === 't3' && v.captions) lines.push(`注：本表统计${v.year}年1月1日至12月31日收到和处理的申请。`, '')
  })
  lines.push(v.agency, `${v.year + 1}年1月${10 + (v.seed % 18)}日`, '')
  return lines.join('\n')
}

function encodeTxt(text: string, encoding: 'utf8' | 'gb18030' | 'utf16le', eol: string): Buffer {
  const t = text.replace(/\n/g, eol)
  if (encoding === 'utf8') return Buffer.from(t, 'utf8')
  if (encoding === 'utf16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])
  const r = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: Buffer.from(t, 'utf8'), maxBuffer: 1 << 26 })
  if (r.status !== 0) throw new Error(`iconv failed: ${r.stderr}`)
  return r.stdout
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

function pageTexts(pdf: string): string[] {
  const r = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 })
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`)
  return r.stdout.split('\f').map((p) => p.replace(/\s+/g, ''))
}

/** The page split of table 3 must be real: first and last rows on different pages, header repeated or not. */
function checkSplit(v: Variant, pdf: string): string {
  const pages = pageTexts(pdf)
  const at = (re: RegExp) => pages.findIndex((p) => re.test(p))
  const first = at(/本年新收/)
  const last = at(/结转下年/)
  const heads = pages.filter((p) => p.includes('申请人情况')).length
  const ok = first >= 0 && last > first && (v.t3Split!.thead ? heads >= 2 : heads === 1)
  const msg = `table 3 on pages ${first + 1}–${last + 1}, header printed ${heads}×`
  if (!ok) throw new Error(`${v.name}: page split not as specified (${msg}); adjust leadParagraphs`)
  return msg
}

/** Every printed number of three or more characters must survive intact in the PDF's text (no value wrapped inside its cell). */
function checkNumbers(v: Variant, vals: Values, pdf: string): void {
  // pdftotext reads text printed sideways glyph by glyph: nothing to check it against (the
  // sideways table spans the page's length, its number columns wide enough not to wrap).
  if (v.style.t3Sideways) return
  const r = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 })
  const tokens = new Set(r.stdout.split(/[^\d,.-]+/))
  const printed = [...vals.cells].filter(([k]) => !(v.t3Image && k.startsWith('t3.')))
  // The number itself, without the unit some variants print after it (26件).
  const number = (t: string) => (v.unit ? t.replace(new RegExp(`${v.unit}$`), '') : t)
  const broken = printed.filter(([, x]) => number(x.text).length >= 3 && !tokens.has(number(x.text))).map(([k, x]) => `${k}=${x.text}`)
  if (broken.length) throw new Error(`${v.name}: numbers not printed intact: ${broken.join(' ')}`)
}

/**
 * Sets /Rotate on every landscape page of a Chromium PDF (an incremental update: new page
 * objects, a new xref section). `keepView`: the page is also made portrait and its content
 * drawn turned a quarter (two small content streams around the old one), so that it is shown
 * as before; otherwise it is shown turned.
 */
function rotateLandscapePages(file: string, angle: 90 | 270, keepView: boolean): void {
  const pdf = fs.readFileSync(file)
  const text = pdf.toString('latin1')
  const size = Number(/\/Size (\d+)/.exec(text.slice(text.lastIndexOf('trailer')))![1])
  const root = /\/Root (\d+ 0 R)/.exec(text.slice(text.lastIndexOf('trailer')))![1]
  const info = /\/Info (\d+ 0 R)/.exec(text.slice(text.lastIndexOf('trailer')))?.[1]
  const prev = Number(/startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf('startxref')))![1])
  const parts: string[] = []
  const offsets = new Map<number, number>()
  let pos = pdf.length
  const add = (num: number, body: string) => {
    const obj = `${num} 0 obj\n${body}\nendobj\n`
    offsets.set(num, pos)
    parts.push(obj)
    pos += Buffer.byteLength(obj, 'latin1')
  }
  let next = size
  let turned = 0
  for (const m of text.matchAll(/(\d+) 0 obj\s*(<<\/Type \/Page\b[\s\S]*?)\s*endobj/g)) {
    const dict = m[2]
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(dict)
    if (!box || Number(box[1]) <= Number(box[2])) continue
    const [w, h] = [box[1], box[2]]
    if (!keepView) {
      add(Number(m[1]), dict.replace('<</Type /Page', `<</Type /Page\n/Rotate ${angle}`))
      turned++
      continue
    }
    const contents = /\/Contents (\d+ 0 R)/.exec(dict)![1]
    // Page content (u, v) to portrait space: turned a quarter so that /Rotate shows it upright.
    const cm = angle === 90 ? `0 1 -1 0 ${h} 0 cm` : `0 -1 1 0 0 ${w} cm`
    const pre = next++
    const post = next++
    add(pre, `<</Length ${cm.length + 3}>> stream\nq ${cm}\nendstream`)
    add(post, '<</Length 2>> stream\nQ\nendstream')
    const page = dict
      .replace(box[0], `/MediaBox [0 0 ${h} ${w}]`)
      .replace(`/Contents ${contents}`, `/Contents [${pre} 0 R ${contents} ${post} 0 R]`)
      .replace('<</Type /Page', `<</Type /Page\n/Rotate ${angle}`)
    add(Number(m[1]), page)
    turned++
  }
  if (!turned) throw new Error(`${file}: no landscape page to turn`)
  const nums = [...offsets.keys()].sort((a, b) => a - b)
  const xref = ['xref', ...nums.flatMap((n) => [`${n} 1`, `${String(offsets.get(n)).padStart(10, '0')} 00000 n `])].join('\n')
  const trailer = `\ntrailer\n<</Size ${next}\n/Root ${root}${info ? `\n/Info ${info}` : ''}\n/Prev ${prev}>>\nstartxref\n${pos}\n%%EOF\n`
  fs.writeFileSync(file, Buffer.concat([pdf, Buffer.from(parts.join('') + xref + trailer, 'latin1')]))
}

/** Chromium's header/footer templates for a variant's page furniture (they need their own font and size). */
function furniture(v: Variant): { displayHeaderFooter?: boolean; headerTemplate?: string; footerTemplate?: string } {
  const f = v.furniture
  if (!f) return {}
  const box = (inner: string) => `<div style="width:100%;text-align:center;font-size:9pt;font-family:${SANS.replace(/"/g, "'")};">${inner}</div>`
  const n = '<span class="pageNumber"></span>'
  const footer = f.footer === 'plain' ? n : f.footer === 'dash' ? `— ${n} —` : `第 ${n} 页 共 <span class="totalPages"></span> 页`
  return { displayHeaderFooter: true, headerTemplate: f.header ? box(esc(f.header)) : box(''), footerTemplate: box(footer) }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
  const sweep = opt('--sweep') ?? (args.includes('--spec') ? '0' : undefined)
  if (sweep) OUT = path.resolve(opt('--out') ?? path.join(os.tmpdir(), 'variant-sweep'))
  const filter = sweep ? undefined : args[0]
  // --spec FILE: one combination again (a sweep's NAME.spec.json, edited to narrow a failure down).
  const specs = args.flatMap((a, i) => (a === '--spec' ? [JSON.parse(fs.readFileSync(args[i + 1], 'utf8')) as Variant] : []))
  const selected = specs.length ? specs : sweep ? sweepVariants(Number(sweep), Number(opt('--seed') ?? 1)) : VARIANTS.filter((v) => !filter || v.name.includes(filter))
  fs.mkdirSync(OUT, { recursive: true })
  const names = new Set(VARIANTS.map((v) => v.name))
  if (names.size !== VARIANTS.length) throw new Error('duplicate variant names')
  if (!filter && !sweep) for (const f of fs.readdirSync(OUT)) if (/\.(pdf|txt|json)$/.test(f)) fs.rmSync(path.join(OUT, f))

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'variants-'))
  const browser = selected.some((v) => v.output.kind === 'chromium' || v.output.kind === 'chromium-text')
    ? await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
      })
    : null
  try {
    for (const v of selected) {
      const vals = makeValues(v)
      const expected = {
        agency: v.agency,
        year: v.year,
        template: v.template,
        cells: Object.fromEntries([...vals.cells].map(([k, x]) => [k, v.t3Image && k.startsWith('t3.') ? null : x.value])),
        // Not what the extractor must read (those cells are null above): what the totals imply.
        ...(Object.keys(vals.marked).length ? { marked: vals.marked } : {})
      }
      let file: string
      let note = ''
      if (v.output.kind === 'chromium' || v.output.kind === 'chromium-text') {
        const asText = v.output.kind === 'chromium-text'
        file = `${v.name}.pdf`
        const printed = asText ? path.join(tmp, file) : path.join(OUT, file)
        const page = await browser!.newPage()
        await page.setContent(html(v, vals, false), { waitUntil: 'load' })
        await page.evaluate(() => document.fonts.ready)
        if (v.t3Image) {
          // Screenshot the table at print width, then put the picture in its place.
          await page.setViewportSize({ width: 660, height: 1200 })
          const png = (await page.locator('table.t3').screenshot()).toString('base64')
          await page.evaluate((src) => {
            const img = document.createElement('img')
            img.src = `data:image/png;base64,${src}`
            img.style.width = '100%'
            document.querySelector('table.t3')!.replaceWith(img)
          }, png)
          await page.waitForFunction(() => [...document.images].every((i) => i.complete))
        }
        await page.pdf({ path: printed, format: 'A4', printBackground: true, margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' }, ...furniture(v) })
        await page.close()
        if (asText) {
          file = `${v.name}.txt`
          const r = spawnSync('pdftotext', ['-layout', printed, path.join(OUT, file)], { encoding: 'utf8' })
          if (r.status !== 0) throw new Error(`pdftotext failed for ${v.name}: ${r.stderr}`)
        }
      } else if (v.output.kind === 'office') {
        file = `${v.name}.pdf`
        const src = path.join(tmp, `${v.name}.html`)
        fs.writeFileSync(src, html(v, vals, true))
        const r = spawnSync(
          'soffice',
          [`-env:UserInstallation=file://${tmp}/lo-profile`, '--headless', '--infilter=HTML (StarWriter)', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', tmp, src],
          { encoding: 'utf8' }
        )
        const made = path.join(tmp, `${v.name}.pdf`)
        if (r.status !== 0 || !fs.existsSync(made)) throw new Error(`soffice failed for ${v.name}: ${r.stderr}`)
        fs.copyFileSync(made, path.join(OUT, file))
      } else if (v.output.kind === 'generator') {
        file = `${v.name}.pdf`
        const model = path.join(tmp, `${v.name}.json`)
        fs.writeFileSync(model, JSON.stringify(generatorModel(v, vals, v.output.glyphs)))
        const r = spawnSync('/usr/bin/python3', [path.join(ROOT, 'scripts/variant-pdfgen.py'), model, path.join(OUT, file)], { encoding: 'utf8' })
        if (r.status !== 0) throw new Error(`variant-pdfgen.py failed for ${v.name} (needs python3-reportlab): ${r.stderr}`)
      } else {
        file = `${v.name}.txt`
        fs.writeFileSync(path.join(OUT, file), encodeTxt(txt(v, vals, v.output.layout), v.output.encoding, v.output.eol))
      }
      if (v.output.kind === 'chromium' || v.output.kind === 'office' || v.output.kind === 'generator') checkNumbers(v, vals, path.join(OUT, file))
      // After the check: pdftotext reads a page shown sideways column by column.
      if (v.style.rotateLandscape) rotateLandscapePages(path.join(OUT, file), v.style.rotateLandscape, true)
      if (v.style.showSideways) rotateLandscapePages(path.join(OUT, file), v.style.showSideways, false)
      if (v.t3Split) note = checkSplit(v, path.join(OUT, file))
      fs.writeFileSync(path.join(OUT, `${v.name}.expected.json`), JSON.stringify(expected, null, 1) + '\n')
      // A sweep's combination, to be made a variant above if it is misread.
      if (sweep) fs.writeFileSync(path.join(OUT, `${v.name}.spec.json`), JSON.stringify(v, null, 1) + '\n')
      const size = fs.statSync(path.join(OUT, file)).size
      console.log(`${file.padEnd(36)} ${String(Math.round(size / 1024)).padStart(5)} KB  ${note}`)
    }
  } finally {
    await browser?.close()
    fs.rmSync(tmp, { recursive: true, force: true })
  }

  // The README lists every variant, so it is rewritten on a filtered run too (not by a sweep).
  if (!sweep) {
    const rows = VARIANTS.map((v) => {
      const ext = v.output.kind === 'txt' || v.output.kind === 'chromium-text' ? 'txt' : 'pdf'
      return `| ${v.name}.${ext} | ${v.agency} | ${v.year} | ${v.template} | ${v.about} |`
    })
    const readme = `# Report variants (synthetic)

Generated by \`node_modules/.bin/tsx scripts/make-variants.ts\` — do not edit by hand. Synthetic
reports (agency names are plausible, all numbers are seeded pseudo-random, nothing here is a real
published report) that differ from the seeds in the ways real reports differ. Each
\`NAME.expected.json\` is computed from the variant's spec in the script, never from the extractor.
Cells printed blank, \`-\`, \`/\` or \`——\` are expected \`null\`; \`marked\` holds the number behind each, which the
tables' totals were made with.

Table 3 is taller than one page in every PDF variant, so it always crosses a page boundary; only
p04 and p19 repeat its header rows (\`<thead>\`), and p04/p05/p17–p19 place the break on purpose
(checked at generation). p17–p19 print page numbers and running heads in the page margins.
LibreOffice ignores \`break-inside: avoid\`: in o10 and o12 table 2 also crosses a page,
and LibreOffice splits tall rows across pages.

| file | agency | year | template | varies |
|---|---|---|---|---|
${rows.join('\n')}
`
    fs.writeFileSync(path.join(OUT, 'README.md'), readme)
    const total = fs.readdirSync(OUT).reduce((s, f) => s + fs.statSync(path.join(OUT, f)).size, 0)
    console.log(`total ${(total / 1024 / 1024).toFixed(2)} MB in ${path.relative(ROOT, OUT)}`)
  }
}

await main()
