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
            let filter = FilterExpression.group(useAnd ? .and : .or, conditions.map { .condition(Self.filterCondition($0)) })
            let expected = Set(
                rows.indices.filter { index in
                    let results = conditions.map { Self.matches(rows[index], $0) }
                    return useAnd ? results.allSatisfy { $0 } : results.contains(true)
                }.map { "p\(n)-r\($0)" })
            let entered = try await Self.runOnce(fixture, round: n, rows: rows, filter: filter)
            #expect(entered == expected, "filter \(filter)")
        }
    }

    private static func filterCondition(_ condition: Condition) -> FilterCondition {
        switch condition.field {
        case 0:
            let ops: [FilterOperator] = [.equals, .notEquals, .greater, .less, .isNull, .isNotNull]
            return FilterCondition("N", ops[condition.op], ["0", "2", "4", "5", ""][condition.value])
        case 1:
            let ops: [FilterOperator] = [.is, .isNot, .is, .isNot, .isNull, .isNotNull]
            return FilterCondition("B", ops[condition.op], ["True", "False", "true", "0", "1"][condition.value])
        default:
            let ops: [FilterOperator] = [.equals, .notEquals, .contains, .contains, .isNull, .isNotNull]
            return FilterCondition("T", ops[condition.op], ["AB", "abc", "b", "_", "%"][condition.value])
        }
    }

    /// What the condition means, read plainly: empty values match only "is null" and "not equal".
    private static func matches(_ row: Row, _ condition: Condition) -> Bool {
        let spec = filterCondition(condition)
        let text = spec.value ?? ""
        switch condition.field {
        case 0:
            let value = Int(text)
            return compare(row.number, value, spec.operator) { $0 < $1 }
        case 1:
            let value = ["true", "1"].contains(text.lowercased())
            return compare(row.flag, value, spec.operator) { !$0 && $1 }
        default:
            if spec.operator == .contains { return row.text?.lowercased().contains(text.lowercased()) ?? false }
            return compare(row.text?.lowercased(), text.lowercased(), spec.operator) { $0 < $1 }
        }
    }

    private static func compare<Value: Equatable>(
        _ stored: Value?, _ wanted: Value?, _ op: FilterOperator, less: (Value, Value) -> Bool
    ) -> Bool {
        switch op {
        case .isNull: return stored == nil
        case .isNotNull: return stored != nil
        case .is, .equals: return stored == wanted
        case .isNot, .notEquals: return stored != wanted
        case .greater: return stored.flatMap { s in wanted.map { less($0, s) } } ?? false
        case .less: return stored.flatMap { s in wanted.map { less(s, $0) } } ?? false
        case .contains: return false
        }
    }

    /// A data extension, journey and automation of their own; returns the contact keys let in.
    private static func runOnce(_ fixture: EngineFixture, round n: Int, rows: [Row], filter: FilterExpression) async throws
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
        let journey = try workspace.createInteraction(name: "Property \(n)")
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
