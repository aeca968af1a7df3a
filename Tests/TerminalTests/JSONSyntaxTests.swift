import Terminal
import Testing

@Suite struct JSONSyntaxTests {
    @Test(arguments: [
        ("{\n  \"a\": 1\n  \"b\": 2\n}", #"3:3: expected "," or "}" after a value"#),
        ("{\r\n  \"a\": 1\r\n  \"b\": 2\r\n}", #"3:3: expected "," or "}" after a value"#),
        ("[1 2]", #"1:4: expected "," or "]" after a value"#),
        ("{\n  \"a\": 1,\n}", #"2:9: trailing comma before "}""#),
        ("[1, 2,]", #"1:6: trailing comma before "]""#),
        ("{\"name\": \"Zoë}", "1:10: unterminated string"),
        ("{\n  \"name\": \"Zoë\n}", "2:11: unterminated string"),
        (#"["a\x"]"#, #"1:4: invalid escape "\x": use \" \\ \/ \b \f \n \r \t or \uXXXX"#),
        (#""\u12G4""#, #"1:2: invalid escape "\u12G4": needs 4 hex digits"#),
        ("\"a\tb\"", #"1:3: control character U+0009 in a string: write it as an escape such as \t"#),
        (#"{"n": 01}"#, #"1:7: leading zero in the number "01""#),
        ("[-012]", #"1:2: leading zero in the number "-012""#),
        ("[1.]", #"1:4: expected a digit after ".""#),
        ("[1e+]", #"1:5: expected a digit in the exponent"#),
        ("[-]", #"1:3: expected a digit after "-""#),
        ("[.5]", #"1:2: a number needs a digit before ".""#),
        ("[+1]", #"1:2: a number cannot start with "+""#),
        (#"{"name": Zoe}"#, #"1:10: unexpected word "Zoe": text values need double quotes"#),
        ("True", #"1:1: "True" must be written in lowercase: true"#),
        ("{name: 1}", #"1:2: keys need double quotes: "name""#),
        ("{'a': 1}", "1:2: keys need double quotes, not '"),
        ("['a']", "1:2: strings need double quotes, not '"),
        (#"{"a" 1}"#, #"1:6: expected ":" after the key"#),
        ("[1,,2]", #"1:4: expected a value, found ",""#),
        ("[1, @]", #"1:5: unexpected character "@""#),
        ("{\"a\": 1}\n{\"b\": 2}", #"2:1: only one top-level value is allowed, found "{" after it"#),
        (#"{"a": [1, 2]"#, #"1:13: "{" at 1:1 is never closed"#),
        ("[\n  {}\n", #"3:1: "[" at 1:1 is never closed"#),
        (#"{"a":"#, "1:6: unexpected end of text, expected a value"),
        ("", "1:1: empty body"),
        (" \n\t ", "1:1: empty body"),
        // Columns count graphemes: the wide 名前 and a decomposed é are one column each.
        (#"{"名前": "日本", "x": tru}"#, #"1:19: unexpected word "tru": text values need double quotes"#),
        ("[\"e\u{301}\", x]", #"1:7: unexpected word "x": text values need double quotes"#),
    ])
    func brokenBodiesAreReportedWhereTheyBreak(body: String, expected: String) {
        #expect(JSONSyntax.check(body)?.description == expected)
    }

    @Test(arguments: [
        #"{"a": {"b": [1, -0.5e+10, 0, -0, 1E3, 2.5, 0.0e-0, true, false, null, "x"]}, "c": []}"#,
        #""\u00e9\uD83D\uDE00 \" \\ \/ \b\f\n\r\t""#,
        "  42  ",
        "[]",
        "{}",
        "\"Zoë 日本 😀\"",
        "{\"e\u{301}\": \"\u{301}starts with a combining mark\"}",
        "{\r\n  \"crlf\": true\r\n}",
        """
        {
            "ContactKey": "susan@sausage.com",
            "EventDefinitionKey": "CONTACT-EVENT-f34a064a",
            "Data": {
                "EmailAddress": "susan@sausage.com",
                "Preference": "frankfurter"
            }
        }
        """,
    ])
    func validBodiesPass(body: String) {
        #expect(JSONSyntax.check(body) == nil)
    }

    @Test func theErrorCarriesItsPartsAndDeepNestingIsRefusedNotRecursed() {
        #expect(JSONSyntax.check("[1 2]") == JSONSyntaxError(line: 1, column: 4, message: #"expected "," or "]" after a value"#))
        let deepest =
            String(repeating: "[", count: JSONSyntax.maximumDepth) + String(repeating: "]", count: JSONSyntax.maximumDepth)
        #expect(JSONSyntax.check(deepest) == nil)
        let tooDeep = String(repeating: "[", count: 100_000)
        #expect(JSONSyntax.check(tooDeep)?.description == "1:201: nested more than 200 levels deep")
    }
}
