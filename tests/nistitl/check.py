"""The independent reader's side of dactylo's ANSI/NIST-ITL test: `nistitl` 0.6 (IDEMIA's
pure-Python reader and writer of ANSI/NIST-ITL, CeCILL-C) reads the transactions dactylo-records
writes, and writes transactions from the same records for dactylo-records to read.

    check.py read DIR    for each NAME.json (a record, as serde writes it), NAME.map.json (the
                         spec's mapping) and NAME.an2 (its transaction), check field by field that
                         nistitl sees what the record holds
    check.py write DIR   for each NAME.json and NAME.map.json, write NAME.nistitl.an2 with nistitl

Nothing here shares code with the crate: dates, codes, image headers and records are read and
written from the JSON and the standard alone.
"""

import base64
import json
import pathlib
import struct
import sys

import nistitl

FS, GS, RS, US = b"\x1c", b"\x1d", b"\x1e", b"\x1f"
COMPRESSION = {"wsq": "WSQ20", "png": "PNG", "jpeg": "JPEGB"}


def text(value):
    """A Type-2 value as the mapping's encoding writes it: dates as YYYYMMDD, 00 for what is not
    known; an end of validity as a date, or `indefinite`; everything else as the JSON has it."""
    value, kind = value
    if kind in ("Date", "BirthDate") or (kind == "ValidityEnd" and value != "indefinite"):
        parts = value.split("-") + ["00", "00"]
        return "".join(parts[:3])
    return value


def leaves(record, mapping):
    """(field number, expected text or None) for every mapped leaf of the record's JSON."""
    out = []
    for path, (number, kind) in mapping["fields"].items():
        node = record
        for key in path.split("."):
            node = node.get(key) if isinstance(node, dict) else None
        out.append((number, None if node is None else text((node, kind))))
    return out


def captures(record, mapping):
    """(position, impression dict or None, absence code or None) of every finger and palm."""
    out = []
    for item in mapping["images"]:
        value = record[item["item"]]
        if item["type"] in ("Fingerprints", "FingerprintsAndPalms"):
            for entry in value:
                # The JSON writes an absence as its ANSI/NIST-ITL code, XX or UP.
                out.append((entry["position"], entry.get("impression"), entry.get("absence")))
    return out


def images(record, mapping, kind):
    return [record[item["item"]] for item in mapping["images"] if item["type"] == kind]


def size(data):
    """Width and height from the image's own header: PNG IHDR, JPEG SOFn, JPEG 2000 SIZ, WSQ SOF."""
    if data.startswith(b"\x89PNG"):
        return struct.unpack(">II", data[16:24])
    if data.startswith(b"\xff\x4f\xff\x51"):
        xsiz, ysiz, xo, yo = struct.unpack(">IIII", data[8:24])
        return xsiz - xo, ysiz - yo
    at = 2
    while at + 4 <= len(data):
        marker = data[at + 1]
        length = struct.unpack(">H", data[at + 2:at + 4])[0]
        if data.startswith(b"\xff\xa0") and marker == 0xA2:
            height, width = struct.unpack(">HH", data[at + 6:at + 10])
            return width, height
        if data.startswith(b"\xff\xd8") and marker in (0xC0, 0xC1, 0xC2, 0xC3):
            height, width = struct.unpack(">HH", data[at + 5:at + 9])
            return width, height
        at += 2 + length
    raise ValueError("no size in the image's header")


def compression(impression):
    data = base64.b64decode(impression["data"])
    if impression["format"] == "jpeg2000":
        return "JP2L" if data[data.find(b"\xff\x52") + 13] == 1 else "JP2"
    return COMPRESSION[impression["format"]]


def utf8(value):
    """nistitl decodes text as Latin-1: the bytes as written, read as UTF-8."""
    return value.encode("latin-1").decode("utf-8")


def read(directory):
    failures = 0
    for record_file in sorted(directory.glob("*.map.json")):
        name = record_file.name[: -len(".map.json")]
        mapping = json.loads(record_file.read_text())
        record = json.loads((directory / f"{name}.json").read_text())
        message = nistitl.Message()
        message.parse((directory / f"{name}.an2").read_bytes())
        problems = []

        def expect(what, seen, expected):
            if seen != expected:
                problems.append(f"{what}: nistitl reads {seen!r}, the record holds {expected!r}")

        first = message[0]
        contents = [[int(item) for item in subfield] for subfield in first["CNT"].value]
        expect("1.003 CNT", contents[0], [1, len(message) - 1])
        expect("1.003 CNT records", contents[1:], [[r.type, int(r.IDC)] for r in list(message)[1:]])
        expect("1.002 VER", first["VER"].value, "0502")
        expect("1.013 DOM", first[13].value, [[mapping["domain"], mapping["version"]]])
        expect("1.015 DCS", first[15].value, [["003", "UTF-8"]])
        descriptive = list(message.iter(2))
        expect("Type-2 records", len(descriptive), 1)
        for number, expected in leaves(record, mapping):
            field = descriptive[0][number]
            seen = None if field is None else utf8(field.value)
            expect(f"2.{number:03}", seen, expected)
        mapped = {number for number, _ in leaves(record, mapping)} | {1, 2}
        expect("Type-2 fields", sorted(f.tag for f in descriptive[0]._fields if f.tag not in mapped), [])
        friction = list(message.iter(14)) + list(message.iter(15))
        expected_captures = captures(record, mapping)
        expect("Type-14 and Type-15 records", len(friction), len(expected_captures))
        for position, impression, absence in expected_captures:
            found = [r for r in friction if r[13].value == str(position)]
            expect(f"records of position {position}", len(found), 1)
            if len(found) != 1:
                continue
            found = found[0]
            expect(f"position {position} T2C", found[992].value, "0")
            if impression is not None:
                data = base64.b64decode(impression["data"])
                expect(f"position {position} DATA", found[999].value, data)
                expect(f"position {position} CGA", found[11].value, compression(impression))
                expect(f"position {position} HLL, VLL", (int(found[6].value), int(found[7].value)), size(data))
                expect(f"position {position} AMP", found[18], None)
            else:
                expect(f"position {position} AMP", found[18].value, [[str(position), absence]])
                expect(f"position {position} DATA", found[999], None)
        for record_type, kind in ((10, "Photo"), (20, "Signature")):
            expected = images(record, mapping, kind)
            records = list(message.iter(record_type))
            expect(f"Type-{record_type} records", len(records), len(expected))
            for image, found in zip(expected, records):
                data = base64.b64decode(image["data"])
                expect(f"Type-{record_type} DATA", found[999].value, data)
                expect(f"Type-{record_type} T2C", found[992].value, "0")
                expect(f"Type-{record_type} HLL, VLL", (int(found[6].value), int(found[7].value)), size(data))
                if record_type == 10:
                    expect("10.003 IMT", found[3].value, "FACE")
        print(f"nistitl reads {name}: {len(message)} records, " + ("as written" if not problems else "DIFFERS"))
        for problem in problems:
            print(f"  {problem}")
        failures += len(problems)
    return failures


def latin1(value):
    """Text that nistitl writes, byte for byte, as its UTF-8."""
    return value.encode("utf-8").decode("latin-1")


def write(directory):
    for record_file in sorted(directory.glob("*.map.json")):
        name = record_file.name[: -len(".map.json")]
        mapping = json.loads(record_file.read_text())
        record = json.loads((directory / f"{name}.json").read_text())
        info = mapping["transaction"]
        message = nistitl.Message()
        first = message[0]
        first["VER"].value = "0502"
        message.TOT = info["TOT"]
        first["DAT"].value = info["DAT"]
        first["DAI"].value = info["DAI"]
        first["ORI"].value = info["ORI"]
        first["TCN"].value = info["TCN"]
        first += nistitl.Field(1, 13, [[mapping["domain"], mapping["version"]]])
        first += nistitl.Field(1, 15, [["003", "UTF-8"]])
        descriptive = nistitl.AsciiRecord(2)
        descriptive.IDC = 0
        for number, value in leaves(record, mapping):
            if value is not None:
                descriptive += nistitl.Field(2, number, latin1(value))
        message += descriptive
        idc = 1

        def image_record(record_type, fields, data):
            nonlocal idc
            new = nistitl.AsciiRecord(record_type)
            new.IDC = idc
            idc += 1
            # T2C: the IDC of the Type-2 record, which every image record names since 2013.
            for number, value in fields + [(992, "0")]:
                new += nistitl.Field(record_type, number, value)
            if data is not None:
                new += nistitl.BinaryField(record_type, 999, data)
            return new

        for position, impression, absence in captures(record, mapping):
            record_type = 14 if position <= 10 else 15
            fields = [(3, "0" if record_type == 14 else "10"), (4, info["SRC"]), (5, info["DAT"]), (13, str(position))]
            data = None
            if impression is not None:
                data = base64.b64decode(impression["data"])
                width, height = size(data)
                fields += [(6, str(width)), (7, str(height)), (8, "0"), (9, "1"), (10, "1"),
                           (11, compression(impression)), (12, "8")]
            else:
                fields.append((18, [[str(position), absence]]))
            message += image_record(record_type, fields, data)
        for record_type, kind in ((10, "Photo"), (20, "Signature")):
            for image in images(record, mapping, kind):
                data = base64.b64decode(image["data"])
                width, height = size(data)
                cga = {"jpeg": "JPEGB", "png": "PNG", "jpeg2000": compression(image)}[image["format"]]
                fields = [(4, info["SRC"]), (5, info["DAT"]), (6, str(width)), (7, str(height)),
                          (8, "0"), (9, "1"), (10, "1"), (11, cga)]
                if record_type == 10:
                    fields += [(3, "FACE"), (12, "UNK")]
                else:
                    fields += [(3, "S"), (12, "8"), (13, "UNK"), (15, [["PNG"]]), (20, "SIGNATURE"), (21, "1")]
                message += image_record(record_type, fields, data)
        (directory / f"{name}.nistitl.an2").write_bytes(message.NIST)
        print(f"nistitl writes {name}: {len(message)} records")
    return 0


if __name__ == "__main__":
    command, directory = sys.argv[1], pathlib.Path(sys.argv[2])
    sys.exit(1 if {"read": read, "write": write}[command](directory) else 0)
