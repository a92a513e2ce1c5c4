/**
 * The memo's one typeface: BIZ UDPGothic (regular and bold), a TrueType-outline Japanese font
 * that also covers Latin. TrueType, not CFF: pdfkit's subsetter corrupts CFF CJK fonts. The
 * files come from the npm package, so nothing depends on system fonts; packaging must ship
 * them (issue 8 moves fonts to resources/fonts/).
 */
import { createRequire } from 'node:module';

// Not named `require`: the main-process bundle's ESM shim declares that name at the top level.
const resolveFromHere = createRequire(import.meta.url);

export const FONT = { regular: 'Memo', bold: 'Memo-Bold' } as const;

export const FONT_FILES = {
  regular: resolveFromHere.resolve('@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf'),
  bold: resolveFromHere.resolve('@expo-google-fonts/biz-udpgothic/700Bold/BIZUDPGothic_700Bold.ttf'),
};

export function registerFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont(FONT.regular, FONT_FILES.regular);
  doc.registerFont(FONT.bold, FONT_FILES.bold);
}

/** svg-to-pdfkit asks for a font per text element: every family in a chart maps to the embedded one. */
export function chartFont(_family: string, bold: boolean): string {
  return bold ? FONT.bold : FONT.regular;
}
