import { decode } from 'iconv-lite';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'windows-1252';

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of an uploaded CSV, whatever the spreadsheet saved: UTF-8 with or without BOM, Excel's "Texte Unicode"
 * (UTF-16 LE with BOM) or "CSV (séparateur : point-virgule)", which is Windows-1252. Without a BOM the bytes are UTF-8
 * if they decode as such: Windows-1252 accents (é = E9) are almost never valid UTF-8 sequences. Windows-1252 goes
 * through iconv-lite because Node's TextDecoder decodes it as Latin-1 (0x80 is U+0080, not €).
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    // The BOM says UTF-8: a stray invalid byte becomes U+FFFD, and the line's validation says what is wrong.
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le-bom' };
  }
  try {
    return { text: STRICT_UTF8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return {
      text: decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252'),
      encoding: 'windows-1252',
    };
  }
}
