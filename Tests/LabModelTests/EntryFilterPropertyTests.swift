import Foundation
import PropertyBased
import Synchronization
import Testing

@testable import LabModel

/// For any data extension and trigger filter, the contacts a Run Once lets in are exactly the
/// rows the filter matches, judged here by a plain Swift reading of each condition.
@Suite struct EntryFilterPropertyTests {
    /// One row: Number (nil = empty), Boolean (nil = empty), Text (nil = empty).
    struct Row: Sendable {
        let number: Int?
        let flag: Bool?
        let text: String?
    }

    /// A condition: which field, which operator, which value, each picked by index.
    struct Condition: Sendable {
        let field: Int
        let op: Int
        let value: Int
    }

    static let texts = ["ab", "abc", "b", "ca", "x_y"]
    static let rows = zip(Gen.int(in: -1...5), Gen.int(in: -1...1), Gen.int(in: -1...4))
        .map { number, flag, text in
            Row(number: number < 0 ? nil : number, flag: flag < 0 ? nil : flag == 1, text: text < 0 ? nil : texts[text])
        }
        .array(of: 1...25)
    static let conditions = zip(Gen.int(in: 0...2), Gen.int(in: 0...5), Gen.int(in: 0...4))
        .map { Condition(field: $0, op: $1, value: $2) }
        .array(of: 1...3)

    @Test func contactsEnteredAreTheRowsMatchingTheFilter() async throws {
        let fixture = try EngineFixture()
        let round = Mutex(0)
        await propertyCheck(count: 60, input: Self.rows, Self.conditions, Gen.bool) { rows, conditions, useAnd in
            let n = round.withLock { value in
                value += 1
                return value
            }
            let parts = conditions.map(Self.filter)
            let filter: Filter = useAnd ? .all(parts) : .any(parts)
            let expected = Set(
                rows.indices.filter { index in
                    let results = conditions.map { Self.matches(rows[index], $0) }
                    return useAnd ? results.allSatisfy { $0 } : results.contains(true)
                }.map { "p\(n)-r\($0)" })
            let entered = try await Self.runOnce(fixture, round: n, rows: rows, filter: filter)
            #expect(entered == expected, "filter \(filter)")
        }
    }

    /// What a condition tests: a comparison, or whether the field is empty.
    private enum Test {
        case compare(FilterComparison)
        case isNull
        case isNotNull
    }

    private static func spec(_ condition: Condition) -> (field: String, test: Test, value: String) {
        switch condition.field {
        case 0:
            let tests: [Test] = [
                .compare(.equals), .compare(.notEquals), .compare(.greater), .compare(.less), .isNull, .isNotNull,
            ]
            return ("N", tests[condition.op], ["0", "2", "4", "5", ""][condition.value])
        case 1:
            let tests: [Test] = [
                .compare(.equals), .compare(.notEquals), .compare(.equals), .compare(.notEquals), .isNull, .isNotNull,
            ]
            return ("B", tests[condition.op], ["True", "False", "true", "0", "1"][condition.value])
        default:
            let tests: [Test] = [
                .compare(.equals), .compare(.notEquals), .compare(.contains), .compare(.contains), .isNull, .isNotNull,
            ]
            return ("T", tests[condition.op], ["AB", "abc", "b", "_", "%"][condition.value])
        }
    }

    private static func filter(_ condition: Condition) -> Filter {
        let (field, test, value) = spec(condition)
        switch test {
        case .compare(let comparison): return .compare(field: field, comparison, value: value)
        case .isNull: return .isNull(field: field)
        case .isNotNull: return .isNotNull(field: field)
        }
    }

    /// What the condition means, read plainly: empty values match only "is null" and "not equal".
    private static func matches(_ row: Row, _ condition: Condition) -> Bool {
        let (_, test, text) = spec(condition)
        switch condition.field {
        case 0:
            let value = Int(text)
            return compare(row.number, value, test) { $0 < $1 }
        case 1:
            let value = ["true", "1"].contains(text.lowercased())
            return compare(row.flag, value, test) { !$0 && $1 }
        default:
            if case .compare(.contains) = test { return row.text?.lowercased().contains(text.lowercased()) ?? false }
            return compare(row.text?.lowercased(), text.lowercased(), test) { $0 < $1 }
        }
    }

    private static func compare<Value: Equatable>(
        _ stored: Value?, _ wanted: Value?, _ test: Test, less: (Value, Value) -> Bool
    ) -> Bool {
        switch test {
        case .isNull: return stored == nil
        case .isNotNull: return stored != nil
        case .compare(.equals): return stored == wanted
        case .compare(.notEquals): return stored != wanted
        case .compare(.greater): return stored.flatMap { s in wanted.map { less($0, s) } } ?? false
        case .compare(.less): return stored.flatMap { s in wanted.map { less(s, $0) } } ?? false
        case .compare: return false
        }
    }

    /// A data extension, journey and automation of their own; returns the contact keys let in.
    private static func runOnce(_ fixture: EngineFixture, round n: Int, rows: [Row], filter: Filter) async throws
        -> Set<String>
    {
        let workspace = fixture.workspace
        let de = try workspace.createDataExtension(
            DataExtensionDraft(
                name: "P\(n)",
                fields: [
                    Field(name: "Key", type: .text, isPrimaryKey: true, isRequired: true, length: 20),
                    Field(name: "N", type: .number), Field(name: "B", type: .boolean), Field(name: "T", type: .text, length: 10),
                    Field(name: "Done", type: .boolean, defaultValue: "False"),
                ],
                sendableFieldName: "Key"))
        try workspace.addRecords(
            to: .id(de.id),
            rows: rows.enumerated().map { index, row in
                [
                    "Key": "p\(n)-r\(index)", "N": row.number.map(String.init) ?? "",
                    "B": row.flag.map { $0 ? "True" : "False" } ?? "", "T": row.text ?? "",
                ]
            })
        let journey = try workspace.createJourney(name: "Property \(n)")
        try workspace.setTrigger(of: .id(journey.id), name: "Filter \(n)", dataExtension: .id(de.id), filter: filter)
        try workspace.addUpdateContactActivity(to: .id(journey.id), dataExtension: .id(de.id), field: "Done", value: "True")
        try workspace.activate(.id(journey.id))
        let automation = try workspace.createAutomation(name: "Property run \(n)")
        try workspace.addFireEventActivity(to: automation.id, dataExtension: .id(de.id))
        let run = try workspace.runOnce(automation.id)
        await fixture.engine.settle()
        let instance = try #require(
            try workspace.runs(of: automation.id).first { $0.id == run.id }?.activities.first?.eventInstanceID)
        let entries = try workspace.entries(of: instance, limit: 100)
        #expect(entries.count == rows.count)
        return Set(entries.filter { $0.outcome == .entered }.map(\.contact.key))
    }
}
