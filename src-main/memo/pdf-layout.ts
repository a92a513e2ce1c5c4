/**
 * A small flow layout over pdfkit for the memo: headings, paragraphs, bullet lists, key–value lists,
 * the decision card, tables that break across pages with their header repeated, and vector charts.
 * Text is broken into lines here (line-break.ts), never inside a number with its unit or a word, and
 * a block is kept together when it fits on a page, so nothing starts in the last few lines.
 */
import SVGtoPDF from 'svg-to-pdfkit';
import type { ChartOption } from '../core/charts/option.js';
import { chartSvg, LEGEND_ROW, legendRows } from './chart-svg.js';
import { chartFont, FONT } from './fonts.js';
import { atoms, breakLines } from './line-break.js';

export const PAGE = { size: 'A4' as const, margins: { top: 48, bottom: 58, left: 50, right: 50 } };

export const COLOR = {
  text: '#111111',
  muted: '#555555',
  rule: '#bbbbbb',
  zebra: '#f3f4f6',
  heading: '#0b3d66',
  card: '#eef4fa',
  cardEdge: '#0b3d66',
  highlight: '#e3eef8',
};

const BODY = 9.5;
const LINE_GAP = 2;
/** Charts are drawn at 1/0.85 of their size in points and scaled down, so their 11 px text prints at about 9 pt. */
const CHART_SCALE = 0.85;
/** pdfkit's own wrapper measures word by word (kerning differs at word edges); lines are broken this much narrower. */
const SLACK = 1;

export interface Column {
  header: string;
  /** Share of any width left once every column has its natural width. */
  width: number;
  align?: 'left' | 'right' | 'center';
  /** Cells may wrap (names, notes); other cells (numbers) always stay on one line. */
  wrap?: boolean;
  /** The narrowest this column may be, in points, so names do not wrap word by word beside long notes. */
  min?: number;
}

export interface TextStyle {
  bold?: boolean;
  size?: number;
  color?: string;
}

export interface TableOptions {
  /** Font size of the cells, in points. */
  size?: number;
  /** Padding inside each cell, in points. */
  pad?: number;
  /** Rows printed bold on a tint. */
  strong?: ReadonlySet<number>;
  /** A group title printed before the row with this index. */
  sections?: ReadonlyMap<number, string>;
}

/** One line of the decision card: a paragraph, or a label with its value beside it. */
export type CardItem =
  | { kind: 'text'; text: string; style?: TextStyle; space?: number }
  | { kind: 'pair'; label: string; value: string; valueStyle?: TextStyle };

export class MemoLayout {
  constructor(readonly doc: PDFKit.PDFDocument) {}

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** Starts a new page unless this one is still empty. */
  newPage(): void {
    if (this.doc.y > this.doc.page.margins.top + 1) this.doc.addPage();
  }

  space(points: number): void {
    if (this.doc.y + points <= this.bottom) this.doc.y += points;
  }

  private font(style: TextStyle): void {
    this.doc.font(style.bold ? FONT.bold : FONT.regular).fontSize(style.size ?? BODY).fillColor(style.color ?? COLOR.text);
  }

  /** The text broken into lines that fit `width` in this style. */
  private lines(text: string, width: number, style: TextStyle): string[] {
    this.font(style);
    return breakLines(text, width - SLACK, (s) => this.doc.widthOfString(s));
  }

  /** The advance from one line to the next in this style, as pdfkit moves. */
  private lineHeight(style: TextStyle): number {
    this.font(style);
    return this.doc.currentLineHeight(true) + LINE_GAP;
  }

  textHeight(text: string, width: number, style: TextStyle = {}): number {
    return this.lines(text, width, style).length * this.lineHeight(style);
  }

  /**
   * Draws text at (x, y) in `width`, broken by the memo's rules, one pdfkit call per line (pdfkit counts
   * a line's "\n" as part of its last word and would wrap a line that fits); returns its height.
   */
  write(text: string, x: number, y: number, width: number, style: TextStyle = {}, align: Column['align'] = 'left'): number {
    const lines = this.lines(text, width, style);
    const step = this.lineHeight(style);
    lines.forEach((line, i) => this.doc.text(line, x, y + i * step, { width, align, lineGap: LINE_GAP }));
    return lines.length * step;
  }

  title(text: string): void {
    const y = this.doc.y;
    const height = this.write(text, this.left, y, this.width, { bold: true, size: 16, color: COLOR.heading });
    this.doc.y = y + height + 2;
  }

  /** A section heading with a rule; kept with at least `keepWith` points of what follows. */
  heading(text: string, keepWith = 80): void {
    const style = { bold: true, size: 13, color: COLOR.heading };
    const height = this.textHeight(text, this.width, style) + 10;
    if (this.doc.y > this.doc.page.margins.top + 1) this.space(10);
    this.ensure(height + keepWith);
    const top = this.doc.y;
    const y = top + this.write(text, this.left, top, this.width, style) + 2;
    this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.6).strokeColor(COLOR.heading).stroke();
    this.doc.y = y + 6;
  }

  subheading(text: string, keepWith = 40): void {
    const style = { bold: true, size: 10.5, color: COLOR.heading };
    this.space(4);
    this.ensure(this.textHeight(text, this.width, style) + keepWith);
    const y = this.doc.y;
    this.doc.y = y + this.write(text, this.left, y, this.width, style) + 3;
  }

  paragraph(text: string, style: TextStyle = {}, indent = 0): void {
    const width = this.width - indent;
    const lines = this.lines(text, width, style);
    const step = this.lineHeight(style);
    // Short paragraphs stay on one page; long ones flow onto the next, line by line.
    this.ensure(Math.min(lines.length * step, 60));
    for (const line of lines) {
      this.ensure(step);
      const y = this.doc.y;
      this.font(style);
      this.doc.text(line, this.left + indent, y, { width, lineGap: LINE_GAP });
      this.doc.y = y + step;
    }
    this.space(4);
  }

  bullets(items: readonly string[], style: TextStyle = {}, marker = '•'): void {
    for (const item of items) {
      const width = this.width - 12;
      this.ensure(Math.min(this.textHeight(item, width, style), 40));
      const y = this.doc.y;
      this.font(style);
      this.doc.text(marker, this.left + 2, y, { width: 10, lineBreak: false });
      this.doc.y = y + this.write(item, this.left + 12, y, width, style) + 2;
    }
    this.space(2);
  }

  /** Label and value pairs in two columns. */
  keyValues(rows: readonly (readonly [string, string])[], keyShare = 0.38, size = 9): void {
    const keyWidth = this.width * keyShare - 8;
    const valueWidth = this.width * (1 - keyShare);
    for (const [key, value] of rows) {
      const height = Math.max(this.textHeight(key, keyWidth, { size }), this.textHeight(value, valueWidth, { size }));
      this.ensure(height + 3);
      const y = this.doc.y;
      this.write(key, this.left, y, keyWidth, { size, color: COLOR.muted });
      this.write(value, this.left + this.width * keyShare, y, valueWidth, { size });
      this.doc.y = y + height + 3;
    }
    this.space(4);
  }

  /**
   * The decision card: a tinted box with a rule on its left, holding the best action and the verdict.
   * Its height is measured first, so it never breaks across a page.
   */
  card(items: readonly CardItem[]): void {
    const pad = 9;
    const inner = this.width - 2 * pad - 3;
    const labelWidth = Math.min(120, inner * 0.28);
    const valueWidth = inner - labelWidth - 6;
    const heightOf = (item: CardItem) =>
      item.kind === 'text'
        ? this.textHeight(item.text, inner, item.style) + (item.space ?? 3)
        : Math.max(this.textHeight(item.label, labelWidth, { bold: true, size: 9 }), this.textHeight(item.value, valueWidth, item.valueStyle ?? { size: 9 })) + 3;
    const height = items.reduce((h, item) => h + heightOf(item), 0) + 2 * pad - 3;
    this.ensure(height + 6);
    const top = this.doc.y;
    this.doc.rect(this.left, top, this.width, height).fill(COLOR.card);
    this.doc.rect(this.left, top, 3, height).fill(COLOR.cardEdge);
    let y = top + pad;
    const x = this.left + 3 + pad;
    for (const item of items) {
      if (item.kind === 'text') {
        y += this.write(item.text, x, y, inner, item.style) + (item.space ?? 3);
      } else {
        const h = Math.max(
          this.write(item.label, x, y, labelWidth, { bold: true, size: 9, color: COLOR.heading }),
          this.write(item.value, x + labelWidth + 6, y, valueWidth, item.valueStyle ?? { size: 9 }),
        );
        y += h + 3;
      }
    }
    this.doc.x = this.left;
    this.doc.y = top + height + 8;
  }

  /**
   * Column widths from the content: every column gets at least its longest unbreakable piece
   * (a whole number, a word of the header), then the room that is left goes where the text
   * would otherwise wrap, and what is still left by the columns' shares.
   */
  private columnWidths(columns: readonly Column[], rows: readonly (readonly string[])[], fontSize: number, pad: number): number[] {
    const measure = (text: string, bold: boolean) => {
      this.font({ size: fontSize, bold });
      return this.doc.widthOfString(text);
    };
    const widest = (texts: readonly string[], bold: boolean) => texts.reduce((w, t) => Math.max(w, measure(t, bold)), 0);
    const pieces = (text: string) => atoms(text).filter((a) => a.trim() !== '');
    const extra = 2 * pad + 1 + SLACK;
    // Cells alone: numbers whole, words of wrapping cells whole.
    const cellMin = columns.map((column, i) => {
      const cells = rows.map((r) => r[i] ?? '');
      return (column.wrap ? Math.min(110, widest(cells.flatMap(pieces), false)) : widest(cells, false)) + extra;
    });
    const wanted = columns.map((column, i) => Math.max(measure(column.header, true), widest(rows.map((r) => r[i] ?? ''), false)) + extra);
    // And the header's words whole too, when there is room for that.
    const min = columns.map((column, i) => Math.max(cellMin[i]!, widest(pieces(column.header), true) + extra, Math.min(column.min ?? 0, wanted[i]!)));
    const available = this.width;
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    if (sum(wanted) <= available) {
      const weights = sum(columns.map((c) => c.width));
      return wanted.map((w, i) => w + ((available - sum(wanted)) * columns[i]!.width) / weights);
    }
    if (sum(min) <= available) {
      const room = available - sum(min);
      const need = sum(wanted.map((w, i) => w - min[i]!));
      return min.map((m, i) => m + (room * (wanted[i]! - m)) / need);
    }
    if (sum(cellMin) <= available) {
      const room = available - sum(cellMin);
      const need = sum(min.map((m, i) => m - cellMin[i]!));
      return cellMin.map((m, i) => m + (room * (min[i]! - m)) / need);
    }
    return cellMin.map((m) => (m * available) / sum(cellMin));
  }

  /**
   * A table with a bold header, zebra rows and the header repeated after a page break. `strong` rows are
   * printed bold on a tint (the recommended option); `sections` puts a group title before a row, so groups
   * share one set of aligned columns.
   */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], options: TableOptions = {}): void {
    const fontSize = options.size ?? 8;
    const pad = options.pad ?? 3;
    const strong = options.strong ?? new Set<number>();
    const sections = options.sections ?? new Map<number, string>();
    const widths = this.columnWidths(columns, rows, fontSize, pad);
    const cellHeight = (cell: string, i: number, bold: boolean) =>
      bold || columns[i]!.wrap ? this.textHeight(cell, widths[i]! - 2 * pad, { size: fontSize, bold }) : this.textHeight('0', 1000, { size: fontSize, bold });
    const rowHeight = (cells: readonly string[], bold: boolean) => Math.max(...cells.map((cell, i) => cellHeight(cell, i, bold))) + 2 * pad;
    const sectionStyle = { size: fontSize + 0.5, bold: true, color: COLOR.heading };
    const sectionHeight = (title: string) => this.textHeight(title, this.width - 2 * pad, sectionStyle) + 2 * pad + 2;
    const header = columns.map((c) => c.header);
    const headerHeight = rowHeight(header, true);
    const drawRow = (cells: readonly string[], bold: boolean, fill: string | null, height: number) => {
      const y = this.doc.y;
      if (fill) this.doc.rect(this.left, y, this.width, height).fill(fill);
      let x = this.left;
      cells.forEach((cell, i) => {
        const width = widths[i]! - 2 * pad;
        const align = columns[i]!.align ?? 'left';
        if (bold || columns[i]!.wrap) {
          this.write(cell, x + pad, y + pad, width, { size: fontSize, bold }, align);
        } else {
          // Numbers never wrap: a line break inside "−¥2.6M" would split the sign from the value.
          this.font({ size: fontSize, bold });
          this.doc.text(cell, x + pad, y + pad, { width, align, lineGap: LINE_GAP, lineBreak: false });
        }
        x += widths[i]!;
      });
      this.doc.y = y + height;
    };
    const rule = () => this.doc.moveTo(this.left, this.doc.y).lineTo(this.left + this.width, this.doc.y).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    const drawHeader = () => {
      drawRow(header, true, null, headerHeight);
      rule();
    };
    const drawSection = (title: string) => {
      const y = this.doc.y;
      this.write(title, this.left + pad, y + pad + 2, this.width - 2 * pad, sectionStyle);
      this.doc.y = y + sectionHeight(title);
      rule();
    };
    const first = (sections.has(0) ? sectionHeight(sections.get(0)!) : 0) + (rows[0] ? rowHeight(rows[0], strong.has(0)) : 0);
    this.ensure(headerHeight + first);
    drawHeader();
    let zebra = 0;
    rows.forEach((row, index) => {
      const bold = strong.has(index);
      const title = sections.get(index);
      const height = rowHeight(row, bold) + (title === undefined ? 0 : sectionHeight(title));
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        drawHeader();
      }
      if (title !== undefined) {
        drawSection(title);
        zebra = 0;
      }
      drawRow(row, bold, bold ? COLOR.highlight : zebra++ % 2 === 1 ? COLOR.zebra : null, rowHeight(row, bold));
    });
    rule();
    this.doc.x = this.left;
    this.space(6);
  }

  /** A chart drawn as vectors from its ECharts option, with a caption above it. */
  chart(option: ChartOption, caption: string, plotHeight: number): void {
    const style = { bold: true, size: 9 };
    // A legend that wraps takes its rows from above the plot: the chart grows by as much.
    const height = plotHeight + (legendRows(option, Math.round(this.width / CHART_SCALE)) - 1) * LEGEND_ROW * CHART_SCALE;
    this.space(4);
    const captionHeight = this.textHeight(caption, this.width, style);
    this.ensure(captionHeight + height + 10);
    const top = this.doc.y;
    const y = top + this.write(caption, this.left, top, this.width, style) + 4;
    const svg = chartSvg(option, Math.round(this.width / CHART_SCALE), Math.round(height / CHART_SCALE));
    SVGtoPDF(this.doc, svg, this.left, y, { width: this.width, height, fontCallback: chartFont });
    this.doc.x = this.left;
    this.doc.y = y + height + 10;
  }

  /** Footer and page number on every page, drawn once all pages exist. */
  footers(left: string, right: (page: number, pages: number) => string): number {
    const range = this.doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      this.doc.switchToPage(range.start + i);
      const bottomMargin = this.doc.page.margins.bottom;
      // Writing inside the bottom margin would otherwise make pdfkit start a new page.
      this.doc.page.margins.bottom = 0;
      const y = this.doc.page.height - 36;
      this.doc.moveTo(this.left, y - 6).lineTo(this.left + this.width, y - 6).lineWidth(0.4).strokeColor(COLOR.rule).stroke();
      this.font({ size: 7.5, color: COLOR.muted });
      // The right part (content hash and page number) always prints in full; the left may be cut short.
      const rightText = right(i + 1, range.count);
      const rightWidth = this.doc.widthOfString(rightText) + 2;
      // pdfkit cuts text with an ellipsis only at a height limit: one line.
      this.doc.text(left, this.left, y, { width: this.width - rightWidth - 12, height: this.doc.currentLineHeight(), ellipsis: true });
      this.doc.text(rightText, this.left + this.width - rightWidth, y, { width: rightWidth, align: 'right', lineBreak: false });
      this.doc.page.margins.bottom = bottomMargin;
    }
    return range.count;
  }
}
