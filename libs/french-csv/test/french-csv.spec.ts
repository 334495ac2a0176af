import { encode } from 'iconv-lite';
import {
  columnLetter,
  decodeCsvBytes,
  normaliseHeaderName,
  parseCsvTable,
  parseFrenchDate,
  readFrenchCsv,
  sniffDelimiter,
} from '../src';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeCsvBytes', () => {
  it('decodes the Windows-1252 letters Latin-1 lacks (€, œ), which Node’s TextDecoder gets wrong', () => {
    expect(decodeCsvBytes(Uint8Array.from([0x80, 0x20, 0x9c, 0xe9]))).toEqual({
      text: '€ œé',
      encoding: 'windows-1252',
    });
  });

  it('tells UTF-8 with and without BOM, UTF-16 LE with BOM and Windows-1252 apart', () => {
    const text = 'Nom;Prénom\r\nDupré;Hélène\r\n';
    expect(decodeCsvBytes(utf8(`\ufeff${text}`))).toEqual({ text, encoding: 'utf-8-bom' });
    expect(decodeCsvBytes(utf8(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), encode(text, 'utf-16le')]))).toEqual({
      text,
      encoding: 'utf-16le-bom',
    });
    expect(decodeCsvBytes(encode(text, 'windows-1252'))).toEqual({ text, encoding: 'windows-1252' });
  });
});

describe('parseCsvTable', () => {
  it('sniffs the separator from the header, not from the decimal commas below it', () => {
    expect(sniffDelimiter('a;b;c\r\n1,5;2,5;3,5')).toBe(';');
    expect(sniffDelimiter('a\tb\tc\n1,5\t2\t3')).toBe('\t');
    expect(sniffDelimiter('a,b,c\n1;2;3')).toBe(',');
    expect(sniffDelimiter('"a;b",c')).toBe(',');
    expect(sniffDelimiter('seule')).toBe(';');
  });

  it('keeps one record per spreadsheet row, empty rows and multi-line cells included', () => {
    expect(parseCsvTable('a;b\r\n1;"x\r\ny"\r\n\r\n2;3\r\n')).toEqual({
      ok: true,
      delimiter: ';',
      records: [['a', 'b'], ['1', 'x\r\ny'], [''], ['2', '3']],
    });
  });

  it('names the line of a quote never closed', () => {
    expect(parseCsvTable('a;b\r\n1;2\r\n3;"x\r\n')).toEqual({
      ok: false,
      errors: [expect.objectContaining({ column: null, message: expect.stringMatching(/^Ligne \d+ : un guillemet/) })],
    });
  });
});

describe('readFrenchCsv', () => {
  it('reads a Windows-1252, `;`, CRLF spreadsheet export into rows', () => {
    const table = readFrenchCsv(encode('Nom;Prénom;Né(e) le\r\nLœwy;Agnès;02/03/1948\r\n', 'windows-1252'));
    expect(table).toEqual({
      ok: true,
      encoding: 'windows-1252',
      delimiter: ';',
      records: [
        ['Nom', 'Prénom', 'Né(e) le'],
        ['Lœwy', 'Agnès', '02/03/1948'],
      ],
    });
  });
});

describe('French spreadsheet text', () => {
  it('normalises header names and names columns as the spreadsheet does', () => {
    expect(normaliseHeaderName(' Date de naissance ')).toBe('date_de_naissance');
    expect(normaliseHeaderName('N° RPPS')).toBe('n_rpps');
    expect(normaliseHeaderName('Prénom')).toBe('prenom');
    expect([0, 25, 26, 27].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB']);
  });

  it('reads DD/MM/YYYY and ISO dates, refuses impossible days and two-digit years', () => {
    expect(parseFrenchDate('02/03/1948')).toBe('1948-03-02');
    expect(parseFrenchDate('2/3/1948')).toBe('1948-03-02');
    expect(parseFrenchDate('29/02/2024')).toBe('2024-02-29');
    expect(parseFrenchDate('1948-03-02')).toBe('1948-03-02');
    expect(parseFrenchDate('29/02/2023')).toBeNull();
    expect(parseFrenchDate('31/04/2020')).toBeNull();
    expect(parseFrenchDate('02/03/48')).toBeNull();
    expect(parseFrenchDate('03/13/1948')).toBeNull();
    expect(parseFrenchDate('hier')).toBeNull();
  });
});
