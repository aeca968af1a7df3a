import Foundation
import PropertyBased
import Testing

@testable import LabModel

/// The quick comparisons on the firing path decide as Foundation does, whatever the text.
@Suite struct TextComparisonTests {
    static let piece = Gen.oneOf(
        Gen.character(in: "\u{20}"..."\u{7E}").string(of: 0...6), Gen.always("É"), Gen.always("é"), Gen.always("ß"),
        Gen.always("SS"), Gen.always("\t"), Gen.always("\u{00A0}"), Gen.always("\u{2003}"), Gen.always("\n"),
        Gen.always("İ"), Gen.always("日本"))
    static let text = piece.array(of: 0...4).map { $0.joined() }

    @Test func equalityIgnoringCaseAgreesWithFoundation() async {
        await propertyCheck(count: 500, input: zip(Self.text, Self.text, Gen.bool)) { a, b, sameButCased in
            let other = sameButCased ? a.uppercased() : b
            #expect(a.equalsIgnoringCase(other) == (a.caseInsensitiveCompare(other) == .orderedSame), "\(a) / \(other)")
        }
        #expect("EmailAddress".equalsIgnoringCase("emailaddress") && !"Email".equalsIgnoringCase("EmailAddress"))
    }

    @Test func trimmingSpacesAgreesWithFoundation() async {
        await propertyCheck(count: 500, input: Self.text) { text in
            #expect(text.trimmingSpaces == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }
}
