import GRDB

extension Database {
    /// `inTransaction(.immediate)` through statements prepared once per connection: GRDB
    /// prepares `BEGIN` and `COMMIT` anew for every transaction, which showed in the cost of a
    /// shared commit of a few firings.
    func inImmediateTransaction(_ operations: () throws -> TransactionCompletion) throws {
        try cachedStatement(sql: "BEGIN IMMEDIATE TRANSACTION").execute()
        do {
            switch try operations() {
            case .commit: try cachedStatement(sql: "COMMIT TRANSACTION").execute()
            case .rollback: try cachedStatement(sql: "ROLLBACK TRANSACTION").execute()
            }
        } catch {
            // A failed COMMIT (or a throwing body) may leave the transaction open.
            if isInsideTransaction { try? cachedStatement(sql: "ROLLBACK TRANSACTION").execute() }
            throw error
        }
    }
}
