import Foundation
import LabJSON
import Testing

/// What the emulator and the client read out of a value: members in any case, scalars as text.
@Suite struct JSONValueTests {
    @Test func membersAreFoundInAnyCaseTheExactOneFirst() throws {
        let value = try JSONValue(parsing: Data(#"{"ErrorCode":"121008","errorcode":400,"Zoë":1}"#.utf8))
        #expect(value["errorcode"] == .number("400"))
        #expect(value["ERRORCODE"] != nil)
        #expect(value["ZOË"] == .number("1"))
        #expect(value["errorcodes"] == nil)
        #expect(JSONValue.array([])["a"] == nil)
    }

    @Test func scalarsReadAsTheTextAFieldWouldBeGiven() {
        #expect(JSONValue.bool(true).text == "True" && JSONValue.bool(false).text == "False")
        #expect(JSONValue.number("12.5").text == "12.5" && JSONValue.string("x").text == "x")
        #expect(JSONValue.null.text == "" && JSONValue.null.nonEmptyText == nil && JSONValue.string("").nonEmptyText == nil)
        #expect(JSONValue.array([]).text == nil && JSONValue.object([:]).text == nil)
        #expect(JSONValue.number("400").int == 400 && JSONValue.string("121008").int == 121008)
        #expect(JSONValue.number("1.5").int == nil && JSONValue.null.int == nil)
    }

    @Test func objectsAreWrittenWithSortedKeysAndEscapedText() {
        let value = JSONValue.object([
            "b": .array([.number(1), .null, .bool(false)]), "a": .string("tab\t\"quoted\" \u{01} é/"),
        ])
        #expect(value.serialized == #"{"a":"tab\t\"quoted\" \u0001 é/","b":[1,null,false]}"#)
    }
}
