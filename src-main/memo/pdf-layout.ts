/**
 * A small flow layout over pdfkit for the memo: headings, paragraphs, bullet lists, key–value
 * lists, tables that break across pages with their header repeated, and vector charts. It
 * keeps a block together when it fits on a page, so nothing starts in the last few lines.
 */
import SVGtoPDF from 'svg-to-pdfkit';
import type { ChartOption } from '../core/charts/option.js';
import { chartSvg } from './chart-svg.js';
import { chartFont, FONT } from './fonts.js';

export const PAGE = { size: 'A4' as const, margins: { top: 48, bottom: 58, left: 50, right: 50 } };

export const COLOR = { text: '#111111', muted: '#555555', rule: '#bbbbbb', zebra: '#f3f4f6', heading: '#0b3d66' };

const BODY = 9.5;
const LINE_GAP = 2;
/** Charts are drawn at 1/0.85 of their size in points and scaled down, so their 11 px text prints at about 9 pt. */
const CHART_SCALE = 0.85;

export interface Column {
  header: string;
  /** Share of any width left once every column has its natural width. */
  width: number;
  align?: 'left' | 'right' | 'center';
  /** Cells may wrap (names, notes); other cells (numbers) always stay on one line. */
  wrap?: boolean;
}

/** Pieces a line may break between: words, parts after a hyphen or slash, and single characters of Japanese text. */
function unbreakable(text: string): string[] {
  return text
    .split(/\s+|(?<=[-/])/)
    .flatMap((word) => (/[\u2e80-\uffef]/.test(word) ? word.split(/(?=[\u2e80-\uffef])/) : [word]));
}

export interface TextStyle {
  bold?: boolean;
  size?: number;
  color?: string;
}

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

  space(points: number): void {
    if (this.doc.y + points <= this.bottom) this.doc.y += points;
  }

  private font(style: TextStyle): void {
    this.doc.font(style.bold ? FONT.bold : FONT.regular).fontSize(style.size ?? BODY).fillColor(style.color ?? COLOR.text);
  }

  textHeight(text: string, width: number, style: TextStyle = {}): number {
    this.font(style);
    return this.doc.heightOfString(text, { width, lineGap: LINE_GAP });
  }

  title(text: string): void {
    this.font({ bold: true, size: 18, color: COLOR.heading });
    this.doc.text(text, this.left, this.doc.y, { width: this.width, lineGap: LINE_GAP });
    this.space(4);
  }

  /** A numbered section heading with a rule; kept with at least `keepWith` points of what follows. */
  heading(text: string, keepWith = 80): void {
    const height = this.textHeight(text, this.width, { bold: true, size: 13 }) + 14;
    if (this.doc.y > this.doc.page.margins.top + 1) this.space(10);
    this.ensure(height + keepWith);
    this.font({ bold: true, size: 13, color: COLOR.heading });
    this.doc.text(text, this.left, this.doc.y, { width: this.width, lineGap: LINE_GAP });
    const y = this.doc.y + 2;
    this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.6).strokeColor(COLOR.heading).stroke();
    this.doc.y = y + 6;
  }

  subheading(text: string, keepWith = 40): void {
    const height = this.textHeight(text, this.width, { bold: true, size: 11 });
    this.space(4);
    this.ensure(height + keepWith);
    this.font({ bold: true, size: 11, color: COLOR.heading });
    this.doc.text(text, this.left, this.doc.y, { width: this.width, lineGap: LINE_GAP });
    this.space(2);
  }

  paragraph(text: string, style: TextStyle = {}, indent = 0): void {
    const width = this.width - indent;
    // Short paragraphs stay on one page; long ones flow onto the next.
    this.ensure(Math.min(this.textHeight(text, width, style), 60));
    this.font(style);
    this.doc.text(text, this.left + indent, this.doc.y, { width, lineGap: LINE_GAP });
    this.space(4);
  }

  bullets(items: readonly string[], style: TextStyle = {}): void {
    for (const item of items) {
      const width = this.width - 12;
      this.ensure(Math.min(this.textHeight(item, width, style), 40));
      const y = this.doc.y;
      this.font(style);
      this.doc.text('•', this.left + 2, y, { width: 10, lineBreak: false });
      this.doc.text(item, this.left + 12, y, { width, lineGap: LINE_GAP });
      this.space(2);
    }
    this.space(2);
  }

  /** Label and value pairs in two columns. */
  keyValues(rows: readonly (readonly [string, string])[], keyShare = 0.38): void {
    const keyWidth = this.width * keyShare - 8;
    const valueWidth = this.width * (1 - keyShare);
    for (const [key, value] of rows) {
      const height = Math.max(this.textHeight(key, keyWidth, { size: 9 }), this.textHeight(value, valueWidth, { size: 9 }));
      this.ensure(height + 3);
      const y = this.doc.y;
      this.font({ size: 9, color: COLOR.muted });
      this.doc.text(key, this.left, y, { width: keyWidth, lineGap: LINE_GAP });
      this.font({ size: 9 });
      this.doc.text(value, this.left + this.width * keyShare, y, { width: valueWidth, lineGap: LINE_GAP });
      this.doc.y = y + height + 3;
    }
    this.space(4);
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
    const extra = 2 * pad + 1;
    // Cells alone: numbers whole, words of wrapping cells whole.
    const cellMin = columns.map((column, i) => {
      const cells = rows.map((r) => r[i] ?? '');
      return (column.wrap ? Math.min(90, widest(cells.flatMap(unbreakable), false)) : widest(cells, false)) + extra;
    });
    // And the header's words whole too, when there is room for that.
    const min = columns.map((column, i) => Math.max(cellMin[i]!, widest(unbreakable(column.header), true) + extra));
    const want = columns.map((column, i) => Math.max(measure(column.header, true), widest(rows.map((r) => r[i] ?? ''), false)) + extra);
    const available = this.width;
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    if (sum(want) <= available) {
      const weights = sum(columns.map((c) => c.width));
      return want.map((w, i) => w + ((available - sum(want)) * columns[i]!.width) / weights);
    }
    if (sum(min) <= available) {
      const room = available - sum(min);
      const need = sum(want.map((w, i) => w - min[i]!));
      return min.map((m, i) => m + (room * (want[i]! - m)) / need);
    }
    if (sum(cellMin) <= available) {
      const room = available - sum(cellMin);
      const need = sum(min.map((m, i) => m - cellMin[i]!));
      return cellMin.map((m, i) => m + (room * (min[i]! - m)) / need);
    }
    return cellMin.map((m) => (m * available) / sum(cellMin));
  }

  /** A table with a bold header, zebra rows and the header repeated after a page break. */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], fontSize = 8): void {
    const pad = 3;
    const widths = this.columnWidths(columns, rows, fontSize, pad);
    const rowHeight = (cells: readonly string[], bold: boolean) =>
      Math.max(
        ...cells.map((cell, i) =>
          bold || columns[i]!.wrap ? this.textHeight(cell, widths[i]! - 2 * pad, { size: fontSize, bold }) : this.textHeight('0', 1000, { size: fontSize }),
        ),
      ) + 2 * pad;
    const header = columns.map((c) => c.header);
    const headerHeight = rowHeight(header, true);
    const drawRow = (cells: readonly string[], bold: boolean, fill: string | null, height: number) => {
      const y = this.doc.y;
      if (fill) this.doc.rect(this.left, y, this.width, height).fill(fill);
      let x = this.left;
      cells.forEach((cell, i) => {
        this.font({ size: fontSize, bold });
        // Numbers never wrap: a line break inside "−¥2.6M" would split the sign from the value.
        const lineBreak = bold || columns[i]!.wrap === true;
        this.doc.text(cell, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: columns[i]!.align ?? 'left', lineGap: LINE_GAP, lineBreak });
        x += widths[i]!;
      });
      this.doc.y = y + height;
    };
    const rule = () => this.doc.moveTo(this.left, this.doc.y).lineTo(this.left + this.width, this.doc.y).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    const drawHeader = () => {
      drawRow(header, true, null, headerHeight);
      rule();
    };
    const firstRow = rows[0] ? rowHeight(rows[0], false) : 0;
    this.ensure(headerHeight + firstRow);
    drawHeader();
    rows.forEach((row, index) => {
      const height = rowHeight(row, false);
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        drawHeader();
      }
      drawRow(row, false, index % 2 === 1 ? COLOR.zebra : null, height);
    });
    rule();
    this.space(8);
  }

  /** A coloured box with the recommendation level in it. */
  badge(text: string, color: string): void {
    const height = 30;
    this.ensure(height + 8);
    const y = this.doc.y;
    this.font({ bold: true, size: 15 });
    const width = Math.min(this.width, this.doc.widthOfString(text) + 28);
    this.doc.roundedRect(this.left, y, width, height, 4).fill(color);
    this.doc.fillColor('#ffffff').text(text, this.left + 14, y + 8, { width: width - 28, lineBreak: false });
    this.doc.y = y + height + 8;
  }

  /** A chart drawn as vectors from its ECharts option, with a caption above it. */
  chart(option: ChartOption, caption: string, height: number): void {
    const captionHeight = this.textHeight(caption, this.width, { bold: true, size: 9.5 });
    this.ensure(captionHeight + height + 10);
    this.font({ bold: true, size: 9.5 });
    this.doc.text(caption, this.left, this.doc.y, { width: this.width, lineGap: LINE_GAP });
    this.space(4);
    const y = this.doc.y;
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
