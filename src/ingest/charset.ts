// Decodes a web page's or feed's bytes with the character set it declares (BOM, HTTP header, <meta>, <?xml?>).

import { TextDecoder } from 'node:util';
import { IngestError } from './files.js';

// How far into the page a <meta charset> is looked for: the HTML standard's prescan reads the first 1024 bytes;
// real pages put a long <title> or scripts first often enough that a little more is worth it.
const PRESCAN_BYTES = 4096;

const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;
// feeds declare theirs in the XML declaration
const XML_ENCODING = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i;

/** The charset parameter of a Content-Type header value, or null. */
export function headerCharset(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '');
  return m ? m[1] : null;
}

function bomEncoding(bytes: Buffer): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

// What windows-1252 puts at 0x80–0x9f (the WHATWG Encoding Standard's index; 0x81, 0x8d, 0x8f, 0x90 and 0x9d stay as
// they are). Node's TextDecoder reads "windows-1252" (and "latin1", "ascii") as ISO-8859-1, leaving the curly quotes,
// dashes and euro sign of Western pages as C1 control characters, so we map those bytes ourselves.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decode(decoder: TextDecoder, bytes: Buffer): string {
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]) : text;
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/**
 * The page's text. The order is the HTML standard's: a byte-order mark, then the HTTP header's charset, then a
 * <meta charset> or <meta http-equiv="Content-Type"> near the top. A page that declares nothing is read as UTF-8 when
 * it is valid UTF-8 and as windows-1252 otherwise (what browsers assume for a Western page with no declaration).
 * `where` names the file or URL in the message for bytes that are no web page at all.
 */
export function decodeHtml(bytes: Buffer, contentType: string | null | undefined, where: string): { text: string; charset: string } {
  if (bytes.length === 0) throw new IngestError(`${where} is empty`);
  const head = bytes.subarray(0, PRESCAN_BYTES).toString('latin1');
  const declared = bomEncoding(bytes) ?? headerCharset(contentType) ?? XML_ENCODING.exec(head)?.[1] ?? META_CHARSET.exec(head)?.[1] ?? null;
  if (declared) {
    const decoder = decoderFor(declared);
    if (!decoder) throw new IngestError(`${where} declares the character set "${declared}", which is not one we know`);
    // a page that says UTF-16 in a <meta> is in fact ASCII-compatible (the standard reads it as UTF-8)
    const charset = decoder.encoding.startsWith('utf-16') && !bomEncoding(bytes) ? 'utf-8' : decoder.encoding;
    return { text: decode(charset === decoder.encoding ? decoder : new TextDecoder(charset), bytes), charset };
  }
  if (bytes.subarray(0, 8192).includes(0)) throw new IngestError(`${where} is binary (contains NUL bytes), not a web page`);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: decode(new TextDecoder('windows-1252'), bytes), charset: 'windows-1252' };
  }
}
