import { describe, it, expect } from "vitest";
import {
  CsvError,
  csvStream,
  detectDelimiter,
  parseCsv,
  parseCsvRecords,
  parseCsvRows,
  toCsv,
} from "./csv";

describe("parseCsv", () => {
  it("reads plain fields and LF line ends", () => {
    expect(parseCsv("a,b,c\n1,2,3\n")).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
  });

  it("reads CRLF and lone CR line ends, and a last line without a line end", () => {
    expect(parseCsv("a,b\r\n1,2\r3,4")).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
    ]);
  });

  it("drops a UTF-8 byte-order mark", () => {
    expect(parseCsv("\uFEFFcode,name\nx,y")).toEqual([
      ["code", "name"],
      ["x", "y"],
    ]);
  });

  it("keeps empty fields, including leading and trailing ones", () => {
    expect(parseCsv(",a,,\n")).toEqual([["", "a", "", ""]]);
  });

  it("reads quoted fields with delimiters, doubled quotes and line breaks", () => {
    const text = 'name,address\r\n"Budi, S.Kom","Jl. ""Mawar"" No. 5\r\nCengkareng"\r\n';
    expect(parseCsv(text)).toEqual([
      ["name", "address"],
      ["Budi, S.Kom", 'Jl. "Mawar" No. 5\r\nCengkareng'],
    ]);
  });

  it("reads an empty quoted field and a field that is one quote", () => {
    expect(parseCsv('"",""""\n')).toEqual([["", '"']]);
  });

  it("keeps a stray quote inside an unquoted field as text", () => {
    expect(parseCsv('TV 5" layar,ok\n')).toEqual([['TV 5" layar', "ok"]]);
  });

  it("skips blank lines by default and keeps them on request", () => {
    const text = "a\n\n  \nb\n";
    expect(parseCsv(text)).toEqual([["a"], ["b"]]);
    expect(parseCsv(text, { skipEmptyLines: false })).toEqual([["a"], [""], ["  "], ["b"]]);
  });

  it("returns no rows for empty input", () => {
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("\uFEFF")).toEqual([]);
    expect(parseCsv("\r\n")).toEqual([]);
  });

  it("reads other delimiters", () => {
    expect(parseCsv('nama;umur\n"Siti; Aminah";60\n', { delimiter: ";" })).toEqual([
      ["nama", "umur"],
      ["Siti; Aminah", "60"],
    ]);
    expect(parseCsv("a\tb\n", { delimiter: "\t" })).toEqual([["a", "b"]]);
  });

  it("throws on a quoted field that is never closed, naming its line", () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrowError(CsvError);
    try {
      parseCsv('a,b\n1,"open\n2,3\n');
    } catch (error) {
      expect((error as CsvError).line).toBe(2);
    }
  });

  it("throws on text after a closing quote", () => {
    expect(() => parseCsv('"ab"c,d\n')).toThrowError(/after a closing quote/);
  });

  it("reports the line each row starts on, counting line breaks inside quotes", () => {
    const rows = parseCsvRows('h1,h2\n"multi\nline",x\n\nlast,y\n');
    expect(rows.map((row) => row.line)).toEqual([1, 2, 5]);
  });

  it("reads a large input (its speed is measured by tests/bench/import.ts)", () => {
    const line = '123,"Nama, Lengkap",Jakarta Barat,"catatan ""penting"""\n';
    const text = line.repeat(50_000);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(50_000);
    expect(rows[49_999]).toEqual(["123", "Nama, Lengkap", "Jakarta Barat", 'catatan "penting"']);
  });
});

describe("parseCsvRecords", () => {
  it("maps rows to records by the header", () => {
    expect(parseCsvRecords("code,kota\nsudin_jakbar,Jakarta Barat\nsatgas_dinsos,\n")).toEqual([
      { code: "sudin_jakbar", kota: "Jakarta Barat" },
      { code: "satgas_dinsos", kota: "" },
    ]);
  });

  it("trims header names and fills missing trailing fields with empty strings", () => {
    expect(parseCsvRecords(" a , b ,c\n1\n")).toEqual([{ a: "1", b: "", c: "" }]);
  });

  it("ignores empty trailing fields and empty trailing header cells", () => {
    expect(parseCsvRecords("a,b,,\n1,2,,\n")).toEqual([{ a: "1", b: "2" }]);
  });

  it("skips rows whose fields are all empty", () => {
    expect(parseCsvRecords("a,b\n1,2\n,\n , \n")).toEqual([{ a: "1", b: "2" }]);
  });

  it("throws on extra non-empty fields, with the line", () => {
    expect(() => parseCsvRecords("a,b\n1,2\n3,4,5\n")).toThrowError(/line 3/);
  });

  it("throws on duplicate or missing header names", () => {
    expect(() => parseCsvRecords("a,a\n1,2\n")).toThrowError(/twice/);
    expect(() => parseCsvRecords("a,,b\n1,2,3\n")).toThrowError(/no name/);
    expect(() => parseCsvRecords(",,\n1,2,3\n")).toThrowError(/names no columns/);
  });

  it("returns no records for empty input or a header alone", () => {
    expect(parseCsvRecords("")).toEqual([]);
    expect(parseCsvRecords("a,b\r\n")).toEqual([]);
  });

  it("keeps a column named __proto__ as a plain field", () => {
    const [record] = parseCsvRecords("__proto__,x\nevil,1\n");
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record!)).toEqual(["__proto__", "x"]);
    expect(record!["__proto__"]).toBe("evil");
  });

  it("reads a semicolon file from a spreadsheet with a byte-order mark", () => {
    const text = "\uFEFFnik;nama\r\n3173011505800001;Joko Susilo\r\n";
    expect(parseCsvRecords(text, { delimiter: detectDelimiter(text) })).toEqual([
      { nik: "3173011505800001", nama: "Joko Susilo" },
    ]);
  });
});

describe("detectDelimiter", () => {
  it("picks the most frequent delimiter of the first line, outside quotes", () => {
    expect(detectDelimiter("a;b;c\n1,2;3")).toBe(";");
    expect(detectDelimiter('"x;y;z",b,c\n')).toBe(",");
    expect(detectDelimiter("a\tb\n")).toBe("\t");
    expect(detectDelimiter("single\n")).toBe(",");
  });
});

describe("toCsv", () => {
  it("writes CRLF lines and quotes only what needs it", () => {
    expect(
      toCsv([
        ["code", "name", "capacity"],
        ["PSBI-BD1", "Panti Sosial Bina Insan Bangun Daya 1", 200],
        ["X", 'Jl. "Karya", Daan Mogot', null],
        ["Y", "two\nlines", 0],
      ]),
    ).toBe(
      "code,name,capacity\r\n" +
        "PSBI-BD1,Panti Sosial Bina Insan Bangun Daya 1,200\r\n" +
        'X,"Jl. ""Karya"", Daan Mogot",\r\n' +
        'Y,"two\nlines",0\r\n',
    );
  });

  it("quotes fields with surrounding spaces so that they survive", () => {
    expect(toCsv([[" padded "]])).toBe('" padded "\r\n');
  });

  it("defuses text that a spreadsheet would run, but not numbers", () => {
    expect(toCsv([["=1+2", "@SUM(A1)", "-5", "+6281234567", -5, "Budi"]])).toBe(
      "'=1+2,'@SUM(A1),-5,+6281234567,-5,Budi\r\n",
    );
    expect(toCsv([["=1+2"]], { guardFormulas: false })).toBe("=1+2\r\n");
  });

  it("defuses the full-width formula characters too", () => {
    expect(toCsv([["\uFF1D1+2", "\uFF20SUM(A1)"]])).toBe("'\uFF1D1+2,'\uFF20SUM(A1)\r\n");
  });

  it("quotes every delimiter that detectDelimiter weighs, so that the file reads back the same", () => {
    const rows = [["Kota; Kabupaten", "a|b", "c\td"], ["1", "2", "3"]];
    const text = toCsv(rows);
    expect(text).toBe('"Kota; Kabupaten","a|b","c\td"\r\n1,2,3\r\n');
    expect(detectDelimiter(text)).toBe(",");
    expect(parseCsv(text, { delimiter: detectDelimiter(text) })).toEqual(rows);
  });

  it("writes other delimiters and an optional byte-order mark", () => {
    expect(toCsv([["a;b", "c"]], { delimiter: ";", bom: true })).toBe('\uFEFF"a;b";c\r\n');
  });

  it("writes an empty string for no rows and for non-finite numbers", () => {
    expect(toCsv([])).toBe("");
    expect(toCsv([[Number.NaN, undefined]])).toBe(",\r\n");
  });

  it("round-trips through parseCsv", () => {
    const rows = [
      ["nama", "catatan"],
      ["Siti \"Ani\" Rahayu", "baris 1\r\nbaris 2"],
      ["", ","],
    ];
    expect(parseCsv(toCsv(rows), { skipEmptyLines: false })).toEqual(rows);
  });
});

describe("csvStream", () => {
  // Response.text() would drop the byte-order mark: compare the bytes.
  const read = async (stream: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(stream).arrayBuffer());
  const bytes = (text: string) => new TextEncoder().encode(text);

  it("writes the same text as toCsv, byte-order mark included", async () => {
    const rows = [["nama", "catatan"], ["=HYPERLINK(\"x\")", 'a "b", c'], ["Budi", 12], [null, "two\nlines"]];
    expect(await read(csvStream(rows, { bom: true }))).toEqual(bytes(toCsv(rows, { bom: true })));
    expect(await read(csvStream([]))).toEqual(bytes(""));
  });

  it("pulls rows from the iterable only as the reader asks for them", async () => {
    let produced = 0;
    function* rows() {
      for (let i = 0; i < 2_000; i++) {
        produced++;
        yield [i, `baris ${i}`];
      }
    }
    const reader = csvStream(rows()).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value).startsWith("0,baris 0\r\n")).toBe(true);
    expect(produced).toBeLessThan(2_000);
    let text = new TextDecoder().decode(first.value);
    for (let next = await reader.read(); !next.done; next = await reader.read()) text += new TextDecoder().decode(next.value);
    expect(produced).toBe(2_000);
    expect(parseCsv(text)).toHaveLength(2_000);
  });
});
