import Foundation
import PropertyBased
import Synchronization
import Testing

@testable import LabModel

/// A filter written in any of the three syntaxes selects the same rows — the rows a plain Swift
/// reading of the filter picks — on random data.
@Suite struct FilterSelectionPropertyTests {
    /// One row: Number, Boolean and Text, nil when empty.
    struct Row: Sendable {
        let number: Int?
        let flag: Bool?
        let text: String?
    }

    static let texts = ["ab", "abc", "B", "ca", "x_y", "a%"]
    static let rows = zip(Gen.int(in: -1...5), Gen.int(in: -1...1), Gen.int(in: -1...5))
        .map { number, flag, text in
            Row(number: number < 0 ? nil : number, flag: flag < 0 ? nil : flag == 1, text: text < 0 ? nil : texts[text])
        }
        .array(of: 1...20)

    static let numberTests: [FilterComparison?] = [.equals, .notEquals, .greater, .greaterOrEqual, .less, .lessOrEqual, nil]
    static let textTests: [FilterComparison?] = [.equals, .notEquals, .greater, .less, .contains, .like, nil]
    static let condition = zip(Gen.int(in: 0...2), Gen.int(in: 0...7), Gen.int(in: 0...4)).map { field, test, value -> Filter in
        switch field {
        case 0:
            let name = "N"
            guard test < numberTests.count, let comparison = numberTests[test] else {
                return test % 2 == 0 ? .isNull(field: name) : .isNotNull(field: name)
            }
            return .compare(field: name, comparison, value: ["0", "2", "4", "5", ""][value])
        case 1:
            let name = "B"
            if test >= 4 { return test % 2 == 0 ? .isNull(field: name) : .isNotNull(field: name) }
            return .compare(
                field: name, test % 2 == 0 ? .equals : .notEquals, value: ["True", "False", "true", "FALSE", ""][value])
        default:
            let name = "T"
            guard test < textTests.count, let comparison = textTests[test] else {
                return test % 2 == 0 ? .isNull(field: name) : .isNotNull(field: name)
            }
            return .compare(field: name, comparison, value: ["AB", "b", "a_", "%b%", "x_y"][value])
        }
    }
    static let group = zip(Gen.bool, condition.array(of: 1...4)).map { isAll, parts in isAll ? Filter.all(parts) : .any(parts) }
    static let filter = Gen.oneOf(
        condition, group, zip(Gen.bool, group.array(of: 2...3)).map { isAll, parts in isAll ? Filter.all(parts) : .any(parts) })

    @Test func everySyntaxSelectsTheRowsTheFilterMeans() async throws {
        let temp = try TemporaryWorkspace()
        let round = Mutex(0)
        await propertyCheck(count: 150, input: Self.rows, Self.filter) { rows, filter in
            let n = round.withLock { value in
                value += 1
                return value
            }
            let de = try temp.workspace.createDataExtension(
                DataExtensionDraft(
                    name: "S\(n)",
                    fields: [
                        Field(name: "Key", type: .text, isPrimaryKey: true, isRequired: true, length: 20),
                        Field(name: "N", type: .number), Field(name: "B", type: .boolean),
                        Field(name: "T", type: .text, length: 10),
                    ]))
            try temp.workspace.addRecords(
                to: .id(de.id),
                rows: rows.enumerated().map { index, row in
                    [
                        "Key": "r\(index)", "N": row.number.map(String.init) ?? "",
                        "B": row.flag.map { $0 ? "True" : "False" } ?? "", "T": row.text ?? "",
                    ]
                })
            let expected = Set(rows.indices.filter { Self.matches(rows[$0], filter) }.map { "r\($0)" })
            let written = [
                ("$filter", try RESTFilterSyntax.parse(RESTFilterSyntax.text(of: filter))),
                ("criteria", try CriteriaTextSyntax.parse(CriteriaTextSyntax.text(of: filter))),
                (
                    "XML",
                    try #require(
                        try FilterDefinitionXML.parse(
                            FilterDefinitionXML.text(of: filter, sourceName: "S\(n)"), sourceName: "S\(n)"))
                ),
                ("typed $filter", try ReadableFilterSyntax.parse(RESTFilterSyntax.text(of: filter))),
                ("typed criteria", try ReadableFilterSyntax.parse(CriteriaTextSyntax.text(of: filter))),
            ]
            let key = try #require(de.field(named: "Key"))
            for (syntax, read) in written {
                let selected = try temp.workspace.rows(of: .id(de.id), limit: 100, matching: read).records
                #expect(
                    Set(selected.map { $0[key].displayText }) == expected, "\(syntax): \(filter) read as \(read)")
            }
        }
    }

    /// The largest filter a parser accepts runs: groups compile to balanced SQL, which SQLite's
    /// expression depth limit does not reach.
    @Test func theLargestFilterAcceptedRuns() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.workspace.createDataExtension(SeedScenario.memberDataExtension())
        try temp.workspace.addRecords(
            to: .id(de.id), rows: (1...30).map { ["EmailAddress": "m\($0)@club.com", "MemberID": "\($0)"] })
        let anyOf = try RESTFilterSyntax.parse((1...1_000).map { "MemberID eq \($0 * 3)" }.joined(separator: " or "))
        #expect(try temp.workspace.rowCount(of: .id(de.id), matching: anyOf) == 10)
        let allOf = try CriteriaTextSyntax.parse((1...1_000).map { _ in "MemberID greater 0" }.joined(separator: " AND "))
        #expect(try temp.workspace.rows(of: .id(de.id), limit: 100, matching: allOf).records.count == 30)
    }

    /// What the filter means, read plainly: text compares in any case, an empty value matches
    /// only "is null", "not equal" and a comparison with an empty value.
    private static func matches(_ row: Row, _ filter: Filter) -> Bool {
        switch filter {
        case .all(let parts): return parts.allSatisfy { matches(row, $0) }
        case .any(let parts): return parts.contains { matches(row, $0) }
        case .isNull(let field): return value(of: row, field) == nil
        case .isNotNull(let field): return value(of: row, field) != nil
        case .compare(let field, let comparison, let text):
            let stored = value(of: row, field)
            if comparison == .contains { return stored.map { $0.contains(text.lowercased()) } ?? false }
            if comparison == .like { return stored.map { like($0, pattern: text.lowercased()) } ?? false }
            let wanted = text.isEmpty ? nil : text.lowercased()
            switch comparison {
            case .equals: return stored == wanted
            case .notEquals: return stored != wanted
            default:
                guard let stored, let wanted else { return false }
                let order = field == "N" ? compareNumbers(stored, wanted) : (stored < wanted ? -1 : stored == wanted ? 0 : 1)
                switch comparison {
                case .greater: return order > 0
                case .greaterOrEqual: return order >= 0
                case .less: return order < 0
                default: return order <= 0
                }
            }
        }
    }

    /// The row's value as lower-case text: booleans as true/false, nil when empty.
    private static func value(of row: Row, _ field: String) -> String? {
        switch field {
        case "N": row.number.map(String.init)
        case "B": row.flag.map { $0 ? "true" : "false" }
        default: row.text?.lowercased()
        }
    }

    private static func compareNumbers(_ a: String, _ b: String) -> Int {
        let (x, y) = (Int(a) ?? 0, Int(b) ?? 0)
        return x < y ? -1 : x == y ? 0 : 1
    }

    /// SQL's LIKE with `\` as the escape character: `%` any run, `_` one character.
    private static func like(_ text: String, pattern: String) -> Bool {
        let text = Array(text)
        let pattern = Array(pattern)
        func match(_ t: Int, _ p: Int) -> Bool {
            guard p < pattern.count else { return t == text.count }
            switch pattern[p] {
            case "%": return (t...text.count).contains { match($0, p + 1) }
            case "_": return t < text.count && match(t + 1, p + 1)
            case "\\" where p + 1 < pattern.count: return t < text.count && text[t] == pattern[p + 1] && match(t + 1, p + 2)
            default: return t < text.count && text[t] == pattern[p] && match(t + 1, p + 1)
            }
        }
        return match(0, 0)
    }
}
