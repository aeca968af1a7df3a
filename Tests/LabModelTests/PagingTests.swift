import Foundation
import GRDB
import Testing

@testable import LabModel

@Suite struct PagingTests {
    /// 25 members; every fifth has no last name, the rest share five last names.
    func crowd() throws -> (TemporaryWorkspace, DataExtension) {
        let temp = try TemporaryWorkspace()
        let de = try temp.workspace.createDataExtension(SeedScenario.memberDataExtension())
        let names = ["Sausage", "Banger", "Chipolata", "Saveloy"]
        let rows = (1...25).map { n -> [String: String] in
            ["EmailAddress": "m\(n)@club.com", "MemberID": "\(n)", "LastName": n % 5 == 0 ? "" : names[n % 4]]
        }
        try temp.workspace.addRecords(to: .id(de.id), rows: rows)
        return (temp, try temp.workspace.dataExtension(.id(de.id)))
    }

    func ids(_ page: RecordPage, _ de: DataExtension) -> [String] {
        page.records.map { $0.texts(in: de)["MemberID"]! }
    }

    @Test func keysetPagesWalkForwardAndBackInRowOrder() throws {
        let (temp, de) = try crowd()
        let ref = DataExtensionReference.id(de.id)
        var page = try temp.workspace.rows(of: ref, limit: 10)
        #expect(ids(page, de) == (1...10).map(String.init))
        #expect(page.previous == nil)
        page = try temp.workspace.rows(of: ref, after: page.next, limit: 10)
        #expect(ids(page, de) == (11...20).map(String.init))
        page = try temp.workspace.rows(of: ref, after: page.next, limit: 10)
        #expect(ids(page, de) == (21...25).map(String.init))
        #expect(page.next == nil)
        page = try temp.workspace.rows(of: ref, before: page.previous, limit: 10)
        #expect(ids(page, de) == (11...20).map(String.init))
        let last = try temp.workspace.rows(of: ref, before: nil, limit: 3)
        #expect(ids(last, de) == ["23", "24", "25"])
        #expect(last.next == nil)
        #expect(last.previous != nil)
    }

    @Test func sortedPagesVisitEveryRowOnceInEitherDirection() throws {
        let (temp, de) = try crowd()
        let ref = DataExtensionReference.id(de.id)
        for ascending in [true, false] {
            let sort = RecordSort("LastName", ascending: ascending)
            var seen: [LabModel.Record] = []
            var page = try temp.workspace.rows(of: ref, limit: 4, sortedBy: sort)
            seen += page.records
            while let next = page.next {
                page = try temp.workspace.rows(of: ref, after: next, limit: 4, sortedBy: sort)
                seen += page.records
            }
            let lastNames = seen.map { $0.texts(in: de)["LastName"]! }
            let expected = try temp.workspace.rows(of: ref, limit: 100).records
                .sorted { a, b in
                    let (x, y) = (a.texts(in: de)["LastName"]!, b.texts(in: de)["LastName"]!)
                    if x != y { return ascending ? x < y : x > y }
                    return ascending ? a.rowID < b.rowID : a.rowID > b.rowID
                }
            #expect(seen.map(\.rowID) == expected.map(\.rowID), "ascending: \(ascending)")
            #expect(Set(seen.map(\.rowID)).count == 25)
            #expect(lastNames.first == (ascending ? "" : "Saveloy"))

            // Walking back from the end gives the same order.
            var back = try temp.workspace.rows(of: ref, before: nil, limit: 4, sortedBy: sort)
            var reversed = back.records
            while let previous = back.previous {
                back = try temp.workspace.rows(of: ref, before: previous, limit: 4, sortedBy: sort)
                reversed = back.records + reversed
            }
            #expect(reversed.map(\.rowID) == expected.map(\.rowID), "backward, ascending: \(ascending)")
        }
    }

    @Test func filtersSelectBySimpleConditions() throws {
        let (temp, de) = try crowd()
        let ref = DataExtensionReference.id(de.id)
        func matching(_ filter: Filter) throws -> [String] {
            ids(try temp.workspace.rows(of: ref, limit: 100, matching: filter), de)
        }
        #expect(try matching(.compare(field: "lastname", .equals, value: "banger")) == ["1", "9", "13", "17", "21"])
        #expect(try matching(.compare(field: "MemberID", .greater, value: "22")) == ["23", "24", "25"])
        #expect(try matching(.isNull(field: "LastName")) == ["5", "10", "15", "20", "25"])
        #expect(
            try matching(
                .all([
                    .compare(field: "MemberID", .lessOrEqual, value: "8"), .compare(field: "LastName", .contains, value: "sau"),
                ])) == ["4", "8"])
        #expect(
            try matching(
                .any([.compare(field: "MemberID", .equals, value: "1"), .compare(field: "MemberID", .equals, value: "25")])) == [
                    "1", "25",
                ])
        #expect(try matching(.compare(field: "Updated", .equals, value: "False")).count == 25)
        #expect(try matching(.compare(field: "LastName", .notEquals, value: "Sausage")).count == 20)
        #expect(throws: RecordError.invalidValue(field: "MemberID", value: "many", problem: .notAWholeNumber)) {
            try matching(.compare(field: "MemberID", .greater, value: "many"))
        }
        #expect(throws: RecordError.operatorNotApplicable(field: "MemberID", operator: "contains", type: "Number")) {
            try matching(.compare(field: "MemberID", .contains, value: "1"))
        }
        #expect(throws: RecordError.unknownField(dataExtension: "Members", field: "Shoe")) {
            try matching(.isNull(field: "Shoe"))
        }
    }

    @Test func filteredSortedPagesCombine() throws {
        let (temp, de) = try crowd()
        let page = try temp.workspace.rows(
            of: .id(de.id), limit: 3, sortedBy: RecordSort("MemberID", ascending: false),
            matching: .compare(field: "LastName", .equals, value: "Saveloy"))
        #expect(ids(page, de) == ["23", "19", "11"])
        let rest = try temp.workspace.rows(
            of: .id(de.id), after: page.next, limit: 3, sortedBy: RecordSort("MemberID", ascending: false),
            matching: .compare(field: "LastName", .equals, value: "Saveloy"))
        #expect(ids(rest, de) == ["7", "3"])
    }

    @Test(arguments: ["LastName", "EmailAddress", "Updated"])
    func sortedPagesAreIndexWalksNotScans(fieldName: String) throws {
        let (temp, de) = try crowd()
        // The first sort by a field builds its index; the page after it is read through that index.
        let first = try temp.workspace.rows(of: .id(de.id), limit: 5, sortedBy: RecordSort(fieldName))
        #expect(first.records.count == 5)
        let plan = try temp.workspace.pool.read { db in
            let stored = try StoredDataExtension.load(.id(de.id), in: db)
            let column = stored.rowTable.quotedColumn(of: de.field(named: fieldName)!)
            return try Row.fetchAll(
                db,
                sql:
                    "EXPLAIN QUERY PLAN SELECT * FROM \(stored.rowTable.quotedName) WHERE (\(column), _row) > (?, ?) ORDER BY \(column), _row LIMIT 50",
                arguments: ["m3@club.com", 3]
            ).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("USING COVERING INDEX") || $0.contains("USING INDEX") }, "\(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
    }

    @Test func aReadOnlyLookSortsWithoutBuildingAnIndex() throws {
        let (temp, de) = try crowd()
        let look = try ReadOnlyWorkspace(path: temp.path)
        let sorted = try look.rows(of: .id(de.id), limit: 25, sortedBy: RecordSort("MemberID", ascending: false))
        #expect(ids(sorted, de) == (1...25).reversed().map(String.init))
        let hasIndex = try temp.workspace.pool.read { db in
            try StoredDataExtension.load(.id(de.id), in: db).rowTable.hasSortIndex(for: de.field(named: "MemberID")!, in: db)
        }
        #expect(!hasIndex)
    }

    /// Reads by offset (the screens near the top, `$page` over REST) get the index too: without
    /// it every keystroke would sort the whole table again.
    @Test func offsetReadsBuildTheSortIndexOnce() throws {
        let (temp, de) = try crowd()
        func hasIndex(_ name: String) throws -> Bool {
            try temp.workspace.pool.read { db in
                try StoredDataExtension.load(.id(de.id), in: db).rowTable.hasSortIndex(for: de.field(named: name)!, in: db)
            }
        }
        #expect(try !hasIndex("MemberID") && !hasIndex("LastName"))
        let byMember = try temp.workspace.records(of: .id(de.id), offset: 2, limit: 3, sortedBy: RecordSort("MemberID"))
        #expect(byMember.map { $0[de.field(named: "MemberID")!].displayText } == ["3", "4", "5"])
        #expect(try hasIndex("MemberID"))
        let page = try temp.workspace.rows(of: .id(de.id), offset: 0, limit: 2, sortedBy: RecordSort("LastName"))
        #expect(page.records.count == 2 && page.total == 25)
        #expect(try hasIndex("LastName"))
        let unknown = #expect(throws: (any Error).self) {
            try temp.workspace.records(of: .id(de.id), offset: 0, limit: 2, sortedBy: RecordSort("Nope"))
        }
        #expect(unknown is LabModel.RecordError)
    }
}
