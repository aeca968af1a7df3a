import Foundation

/// Reads JSON text (RFC 8259) into a `JSONValue` in one pass over its bytes: a request's
/// parsing must stay a small part of its cost. Whole numbers keep their text; other numbers are
/// read through a Double (`30.0` is `30`, `12.50` is `12.5`): rows store and replies echo that
/// text, so it must not change. A byte-order mark and UTF-16 or UTF-32 text are read. A
/// trailing comma is refused, as RFC 8259 and the app's own JSON editor (`JSONSyntax`) refuse
/// it: no body of the tutorial has one, and a body the emulator takes should be one that any
/// JSON reader, Marketing Cloud's among them, takes.
struct JSONParser {
    /// Deeper nesting is refused rather than risking the stack (JSONDecoder's limit too).
    static let deepestNesting = 512

    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0

    static func parse(_ bytes: [UInt8]) throws(MalformedJSON) -> JSONValue {
        var parser = JSONParser(bytes: try utf8(bytes))
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.position == parser.bytes.count else { throw MalformedJSON() }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// The text as UTF-8 without a byte-order mark; UTF-16 and UTF-32 go through Foundation.
    private static func utf8(_ bytes: [UInt8]) throws(MalformedJSON) -> [UInt8] {
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        guard let encoding = wideEncoding(bytes) else {
            return bytes.starts(with: mark) ? Array(bytes.dropFirst(3)) : bytes
        }
        guard let text = String(bytes: bytes, encoding: encoding) else { throw MalformedJSON() }
        let converted = Array(text.utf8)
        return converted.starts(with: mark) ? Array(converted.dropFirst(3)) : converted
    }

    /// RFC 4627's detection from the first four bytes: a mark, or where the zero bytes fall.
    private static func wideEncoding(_ bytes: [UInt8]) -> String.Encoding? {
        func at(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }
        switch (at(0), at(1), at(2), at(3)) {
        case (0, 0, 0xFE, 0xFF), (0, 0, 0, _): return .utf32BigEndian
        case (0xFF, 0xFE, 0, 0), (_, 0, 0, 0): return .utf32LittleEndian
        case (0xFE, 0xFF, _, _), (0, _, _, _): return .utf16BigEndian
        case (0xFF, 0xFE, _, _), (_, 0, _, _): return .utf16LittleEndian
        default: return nil
        }
    }

    private mutating func value() throws(MalformedJSON) -> JSONValue {
        skipWhitespace()
        guard position < bytes.count else { throw MalformedJSON() }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default: return .number(try number())
        }
    }

    private mutating func object() throws(MalformedJSON) -> JSONValue {
        try enter()
        var fields: [String: JSONValue] = [:]
        skipWhitespace()
        if take(UInt8(ascii: "}")) {
            depth -= 1
            return .object(fields)
        }
        repeat {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw MalformedJSON() }
            let name = try string()
            skipWhitespace()
            guard take(UInt8(ascii: ":")) else { throw MalformedJSON() }
            fields[name] = try value()
            skipWhitespace()
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")) else { throw MalformedJSON() }
        depth -= 1
        return .object(fields)
    }

    private mutating func array() throws(MalformedJSON) -> JSONValue {
        try enter()
        var items: [JSONValue] = []
        skipWhitespace()
        if take(UInt8(ascii: "]")) {
            depth -= 1
            return .array(items)
        }
        repeat {
            items.append(try value())
            skipWhitespace()
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "]")) else { throw MalformedJSON() }
        depth -= 1
        return .array(items)
    }

    private mutating func enter() throws(MalformedJSON) {
        depth += 1
        guard depth <= Self.deepestNesting else { throw MalformedJSON() }
        position += 1
    }

    /// A string, the opening quote at `position`.
    private mutating func string() throws(MalformedJSON) -> String {
        position += 1
        let start = position
        // Most strings have no escapes: their bytes are taken as they are.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                defer { position += 1 }
                return try Self.text(bytes[start..<position])
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw MalformedJSON() }
            position += 1
        }
        var text = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return try Self.text(text[...])
            case UInt8(ascii: "\\"): try escape(into: &text)
            case 0..<0x20: throw MalformedJSON()
            default: text.append(byte)
            }
        }
        throw MalformedJSON()
    }

    private mutating func escape(into text: inout [UInt8]) throws(MalformedJSON) {
        guard position < bytes.count else { throw MalformedJSON() }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(byte)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad()
            if (0xD800..<0xDC00).contains(scalar) {
                // A high surrogate must be followed by an escaped low one.
                guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")) else { throw MalformedJSON() }
                let low = try hexQuad()
                guard (0xDC00..<0xE000).contains(low) else { throw MalformedJSON() }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw MalformedJSON() }
            text.append(contentsOf: Array(String(Character(unicode)).utf8))
        default: throw MalformedJSON()
        }
    }

    private mutating func hexQuad() throws(MalformedJSON) -> UInt32 {
        guard position + 4 <= bytes.count else { throw MalformedJSON() }
        var value: UInt32 = 0
        for byte in bytes[position..<position + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw MalformedJSON()
            }
            value = value << 4 | UInt32(digit)
        }
        position += 4
        return value
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, kept as written.
    private mutating func number() throws(MalformedJSON) -> String {
        let start = position
        _ = take(UInt8(ascii: "-"))
        if take(UInt8(ascii: "0")) {
            // No leading zeros.
        } else {
            guard digits() > 0 else { throw MalformedJSON() }
        }
        var isWhole = true
        if take(UInt8(ascii: ".")) {
            guard digits() > 0 else { throw MalformedJSON() }
            isWhole = false
        }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            _ = take(UInt8(ascii: "+")) || take(UInt8(ascii: "-"))
            guard digits() > 0 else { throw MalformedJSON() }
            isWhole = false
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard !isWhole, let number = Double(text), number.isFinite else { return text }
        // As JSONDecoder gave them: a whole value as an integer, any other as a Double prints.
        if number == number.rounded(), let whole = Int64(exactly: number) { return String(whole) }
        return String(number)
    }

    private mutating func digits() -> Int {
        let start = position
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
        return position - start
    }

    private mutating func literal(_ word: StaticString, _ value: JSONValue) throws(MalformedJSON) -> JSONValue {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw MalformedJSON() }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { throw MalformedJSON() }
        position += count
        return value
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private static func text(_ utf8: ArraySlice<UInt8>) throws(MalformedJSON) -> String {
        guard let text = String(validating: utf8, as: UTF8.self) else { throw MalformedJSON() }
        return text
    }
}
