import GRDB

/// The request log's own migration: each request keeps its query string, headers and client
/// apart from its path, all stored masked.
enum RequestLogMigration {
    static func addQueryHeadersAndClient(in db: Database) throws {
        try db.alter(table: "requestLog") { t in
            t.add(column: "query", .text).notNull().defaults(to: "")
            t.add(column: "headers", .text).notNull().defaults(to: "")
            t.add(column: "client", .text).notNull().defaults(to: "")
        }
        // Lines logged before kept the query in the path, masked only as text: it moves to its
        // column and is masked by decoded name, as new lines are.
        let logged = try Row.fetchAll(db, sql: "SELECT id, path FROM requestLog WHERE instr(path, '?') > 0")
        for row in logged {
            let target: String = row["path"]
            let mark = target.firstIndex(of: "?")!
            try db.execute(
                sql: "UPDATE requestLog SET path = ?, query = ? WHERE id = ?",
                arguments: [
                    String(target[..<mark]), SecretMasking.maskForm(String(target[target.index(after: mark)...])),
                    row["id"] as Int64,
                ])
        }
    }
}
