import ArgumentParser
import LabClient
import LabModel

struct RowsVerb: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rows",
        abstract: "Read or upsert a data extension's rows by its external key.",
        subcommands: [List.self, Upsert.self])

    struct Page: Encodable {
        let count: Int
        let page: Int
        let pageSize: Int
        let items: [Row]
    }

    struct Row: Encodable {
        let keys: [String: String]
        let values: [String: String]
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "GET /data/v1/customobjectdata/key/{key}/rowset: one page of rows.",
            discussion: """
                `journeylab status` lists every data extension's external key. Example: watch the flags flip.
                  journeylab rows list MEMBERS-KEY --filter "Updated eq 'True'"
                The filter reads as the REST API's $filter or as Journey Builder's criteria text
                ("Updated is True"); it is sent as a $filter.
                """)

        @OptionGroup var client: ClientOptions
        @Argument(help: "The data extension's external key.") var key: String
        @Option(
            help: "Rows matching a filter, e.g. \"Updated eq 'False'\" or \"Updated is False\".",
            transform: { text throws(FilterSyntaxError) in try ReadableFilterSyntax.parse(text) })
        var filter: Filter?
        @Option(help: "The page to read, from 1.") var page = 1
        @Option(help: "Rows per page (at most 2,500).") var pageSize = 50

        func validate() throws {
            guard page >= 1 else { throw ValidationError("--page starts at 1.") }
            guard (1...2_500).contains(pageSize) else { throw ValidationError("--page-size takes 1 to 2500.") }
        }

        func run() throws {
            let client = try client.client()
            let (key, page, pageSize, asJSON) = (key, page, pageSize, self.client.json)
            let filter = filter.map(RESTFilterSyntax.text(of:))
            try callingAPI {
                let rows = try await client.rows(dataExtensionKey: key, page: page, pageSize: pageSize, filter: filter)
                if asJSON {
                    try printJSON(
                        Page(
                            count: rows.count, page: rows.page, pageSize: rows.pageSize,
                            items: rows.rows.map { Row(keys: $0.keys, values: $0.values) }))
                    return
                }
                // The rowset names fields in lower case, in no order: people read them as the data
                // extension declares them, in its order, as the Records screen shows them.
                let dataExtension = try await client.dataExtension(key: key)
                let fields = try await client.fields(dataExtensionID: dataExtension.id).map(\.name)
                let table = rows.rows.map { row in
                    let values = (row.keys.merging(row.values) { first, _ in first }).reduce(into: [String: String]()) {
                        $0[$1.key.lowercased()] = $1.value
                    }
                    return fields.map { values[$0.lowercased()] ?? "" }
                }
                if !table.isEmpty { print(TextTable.render(fields, table)) }
                let pages = max(1, (rows.count + rows.pageSize - 1) / rows.pageSize)
                print("Page \(rows.page) of \(pages) · \(rows.count) row\(rows.count == 1 ? "" : "s")")
            }
        }
    }

    struct Upsert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "POST /hub/v1/dataevents/key:{key}/rowset: add a row or change the one with the same primary key.",
            discussion: """
                The data extension's primary key fields are looked up first. Example:
                  journeylab rows upsert MEMBERS-KEY EmailAddress=sid@sausage.com FirstName=Sid Updated=False
                """)

        @OptionGroup var client: ClientOptions
        @Argument(help: "The data extension's external key.") var key: String
        @Argument(help: ArgumentHelp("The row's values, its primary key among them.", valueName: "Field=Value"))
        var values: [String]

        func validate() throws {
            guard !values.isEmpty else { throw ValidationError("Give the row as Field=Value pairs.") }
            _ = try FieldAssignments(values)
        }

        func run() throws {
            let client = try client.client()
            let (key, asJSON) = (key, self.client.json)
            let values = try FieldAssignments(values).dictionary
            try callingAPI {
                let dataExtension = try await client.dataExtension(key: key)
                let primaryKeys = Set(
                    try await client.fields(dataExtensionID: dataExtension.id).filter(\.isPrimaryKey).map { $0.name.lowercased() }
                )
                let row = RowsetRow(
                    keys: values.filter { primaryKeys.contains($0.key.lowercased()) },
                    values: values.filter { !primaryKeys.contains($0.key.lowercased()) })
                try await client.upsertRows(dataExtensionKey: key, rows: [row])
                if asJSON {
                    try printJSON(Row(keys: row.keys, values: row.values))
                } else {
                    print("Upserted 1 row into \(dataExtension.name) (\(key)).")
                }
            }
        }
    }
}
