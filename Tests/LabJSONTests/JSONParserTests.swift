import Foundation
import LabJSON
import PropertyBased
import Testing

/// Request bodies and replies are read by our own JSON reader: whatever JourneyLab writes reads
/// back the same, escapes mean what RFC 8259 says, and what a standard reader refuses, ours
/// refuses too.
@Suite struct JSONParserTests {
    static let text = Gen.oneOf(
        Gen.character(in: "\u{20}"..."\u{7E}").string(of: 0...10), Gen.always("Zoë 日本 😀"), Gen.always("tab\there\nline"),
        Gen.always("\"quoted\" \\ back"), Gen.always("\u{01}\u{1F}"), Gen.always(""))
    // Numbers as the emulator holds them: whole ones as written, others as a Double prints.
    static let number = Gen.oneOf(
        Gen.int(in: -1_000_000...1_000_000).map { String($0) }, Gen.always("0.5"), Gen.always("-12.5"),
        Gen.always("6.02e+23"), Gen.always("1e-07"), Gen.always("18446744073709551616"))
    static let leaf = Gen.oneOf(
        Gen.always(JSONValue.null), Gen.bool.map(JSONValue.bool), number.map(JSONValue.number), text.map(JSONValue.string))
    static let shallow = Gen.oneOf(
        leaf, leaf.array(of: 0...4).map(JSONValue.array),
        zip(text, leaf).array(of: 0...4).map { JSONValue.object(Dictionary($0, uniquingKeysWith: { $1 })) })
    static let value = Gen.oneOf(
        leaf, shallow.array(of: 0...4).map(JSONValue.array),
        zip(text, shallow).array(of: 0...4).map { JSONValue.object(Dictionary($0, uniquingKeysWith: { $1 })) })

    @Test func whatTheEmulatorWritesReadsBackTheSame() async {
        await propertyCheck(count: 400, input: Self.value) { (value: JSONValue) throws in
            let text = value.serialized
            #expect(try JSONValue(parsing: Data(text.utf8)) == value, "\(text)")
            // Foundation reads the same text: what we write is standard JSON.
            #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) }
        }
    }

    @Test func escapesAndSpacingAreRead() throws {
        let body = #" { "a" : [ 1 , -2.50 , 3e2 ] , "b":"\u00e9\ud83d\ude00\n\/\"" , "c" : { } , "d":[], "e":null, "f":false } "#
        #expect(
            try JSONValue(parsing: Data(body.utf8))
                == .object([
                    "a": .array([.number("1"), .number("-2.5"), .number("300")]), "b": .string("é😀\n/\""),
                    "c": .object([:]), "d": .array([]), "e": .null, "f": .bool(false),
                ]))
    }

    @Test func numbersReadAsJSONDecoderReadThem() throws {
        let body = #"{"a":30.0,"b":1e2,"c":12.50,"d":-0.5,"e":12345678901234567890,"f":7}"#
        #expect(
            try JSONValue(parsing: Data(body.utf8))
                == .object([
                    "a": .number("30"), "b": .number("100"), "c": .number("12.5"), "d": .number("-0.5"),
                    "e": .number("12345678901234567890"), "f": .number("7"),
                ]))
    }

    @Test func marksAndWideEncodingsAreRead() throws {
        let expected = JSONValue.object(["Zoë": .array([.number("1")])])
        let text = #"{"Zoë":[1]}"#
        let bodies = [
            Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8), text.data(using: .utf16)!, text.data(using: .utf16BigEndian)!,
            text.data(using: .utf16LittleEndian)!, text.data(using: .utf32BigEndian)!, text.data(using: .utf32LittleEndian)!,
        ]
        for body in bodies {
            let parsed = Result { try JSONValue(parsing: body) }
            #expect((try? parsed.get()) == expected, "\(Array(body.prefix(4))) \(parsed)")
        }
    }

    /// Foundation on Linux reads these; RFC 8259 does not, nor does the app's JSON editor.
    @Test func aTrailingCommaIsRefused() {
        for text in [#"{"a":[1,],}"#, #"{"a":1,}"#, " [ {} , ] ", "[1,]"] {
            #expect(throws: MalformedJSON.self, "\(text)") { try JSONValue(parsing: Data(text.utf8)) }
        }
    }

    @Test func whatAStandardReaderRefusesIsRefused() {
        let refused: [[UInt8]] = [
            Array(#"{"a":1,,}"#.utf8), Array("[1,,]".utf8), Array("[,]".utf8), Array("{,}".utf8), Array("[01]".utf8),
            Array("[1.]".utf8), Array("[.5]".utf8), Array("[1e]".utf8),
            Array("[-]".utf8), Array(#"["\ud800"]"#.utf8), Array(#"["\udc00"]"#.utf8), Array(#"["\x"]"#.utf8),
            Array(#"["\u12"]"#.utf8), Array("[\"a\u{01}\"]".utf8), Array("tru".utf8), Array("{} {}".utf8),
            Array(#"{"a" 1}"#.utf8), Array(#"{a:1}"#.utf8), Array("[1 2]".utf8), Array("".utf8), Array("[\"".utf8),
            [0x5B, 0x22, 0xFF, 0x22, 0x5D], [0x5B, 0x22, 0xC3, 0x22, 0x5D],
            Array(String(repeating: "[", count: 600).utf8) + Array(String(repeating: "]", count: 600).utf8),
        ]
        for bytes in refused {
            let data = Data(bytes)
            #expect(throws: MalformedJSON.self, "\(String(decoding: bytes, as: UTF8.self))") { try JSONValue(parsing: data) }
            #expect(
                (try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)) == nil,
                "Foundation reads \(String(decoding: bytes, as: UTF8.self))")
        }
    }
}
