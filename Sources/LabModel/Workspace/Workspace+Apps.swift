import Foundation
import GRDB

extension Workspace {
    /// App Center's "Create New App" with the API Integration template: client credentials
    /// generated, permissions as ticked.
    @discardableResult
    public func createApp(
        name: String, package: String, account: String = "Production", permissions: Set<AppPermission>
    ) throws -> InstalledApp {
        try DefinitionRules.checkName(name, of: "app")
        guard !permissions.isEmpty else { throw ContactModelError.noPermissions(app: name) }
        let app = InstalledApp(
            id: UUID(), name: name.trimmingCharacters(in: .whitespaces), package: package, account: account,
            clientID: Credentials.random(length: 24), clientSecret: Credentials.random(length: 24, mixedCase: true),
            permissions: permissions)
        return try perform { db in
            try requireUniqueName(app.name, table: "installedApp", kind: "app", in: db)
            try db.execute(
                sql:
                    "INSERT INTO installedApp (id, name, package, account, clientID, clientSecret, permissions, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    app.id.storageText, app.name, package, account, app.clientID, app.clientSecret,
                    Self.storageText(permissions), clock(),
                ])
            return (
                app,
                JournalLine(
                    entity: "installedApp", action: "create", entityIDs: [app.id.storageText],
                    sentence: "Created app \(app.name) (client id \(app.clientID)) with \(Self.describe(permissions)).")
            )
        }
    }

    /// Replaces an app's permissions ("or edit an existing app").
    @discardableResult
    public func setPermissions(of appID: UUID, to permissions: Set<AppPermission>) throws -> InstalledApp {
        try perform { db in
            guard var app = try ContactModelStore.apps(in: db).first(where: { $0.id == appID }) else {
                throw ContactModelError.notFound(kind: "app", reference: "id \(appID.storageText)")
            }
            guard !permissions.isEmpty else { throw ContactModelError.noPermissions(app: app.name) }
            app.permissions = permissions
            try db.execute(
                sql: "UPDATE installedApp SET permissions = ? WHERE id = ?",
                arguments: [Self.storageText(permissions), appID.storageText])
            return (
                app,
                JournalLine(
                    entity: "installedApp", action: "update", entityIDs: [appID.storageText],
                    sentence: "Changed the permissions of app \(app.name) to \(Self.describe(permissions)).")
            )
        }
    }

    /// Journals that an app got an access token (lessons check for it).
    public func recordTokenIssued(to app: InstalledApp, through route: String, scopes: Set<Scope>, lifetime: Int) throws {
        try perform { _ in
            (
                (),
                JournalLine(
                    entity: "installedApp", action: "token", entityIDs: [app.id.storageText],
                    sentence:
                        "Issued an access token to \(app.name) through \(route), valid \(lifetime) s, scopes \(scopes.sorted().map(\.rawValue).joined(separator: " "))."
                )
            )
        }
    }

    /// The app scripts and CI sign in with (`JOURNEYLAB_CLIENT_ID` / `_SECRET`): created with
    /// every permission the first time, its secret kept current afterwards.
    @discardableResult
    public func ensureApp(clientID: String, clientSecret: String, name: String = "JourneyLab Scripts") throws -> InstalledApp {
        let clientID = clientID.trimmingCharacters(in: .whitespaces)
        let clientSecret = clientSecret.trimmingCharacters(in: .whitespaces)
        guard !clientID.isEmpty, !clientSecret.isEmpty else { throw ContactModelError.emptyKey(kind: "app client id and secret") }
        let permissions = Set(AppPermission.all)
        if let existing = try app(clientID: clientID), existing.clientSecret == clientSecret {
            return existing.permissions == permissions ? existing : try setPermissions(of: existing.id, to: permissions)
        }
        return try perform { db in
            try db.execute(sql: "DELETE FROM installedApp WHERE clientID = ?", arguments: [clientID])
            var appName = name
            var suffix = 2
            while try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM installedApp WHERE name = ?", arguments: [appName])! > 0 {
                appName = "\(name) \(suffix)"
                suffix += 1
            }
            let app = InstalledApp(
                id: UUID(), name: appName, package: "journeylab.scripts", account: "Production", clientID: clientID,
                clientSecret: clientSecret, permissions: permissions)
            try db.execute(
                sql:
                    "INSERT INTO installedApp (id, name, package, account, clientID, clientSecret, permissions, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    app.id.storageText, app.name, app.package, app.account, clientID, clientSecret, Self.storageText(permissions),
                    clock(),
                ])
            return (
                app,
                JournalLine(
                    entity: "installedApp", action: "create", entityIDs: [app.id.storageText],
                    sentence: "Created app \(app.name) (client id \(clientID)) for scripts, with every permission.")
            )
        }
    }

    /// Appends to the request log (credentials already masked: see `RequestLogEntry`). Returns at once: the
    /// line is written with the others that arrive within a moment, apart from the request's
    /// own writes, so failed requests are logged too.
    public func logRequest(_ entry: RequestLogEntry) {
        firingWriter.logRequest(entry)
    }

    /// The newest requests, newest last.
    public func requestLog(last count: Int = 100) throws -> [RequestLogEntry] {
        // Lines still queued are written first: a reader sees every request answered before it asked.
        try firingWriter.flushRequestLog()
        return try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM requestLog ORDER BY id DESC LIMIT ?", arguments: [count]).reversed().map {
                row in
                var entry = RequestLogEntry(
                    time: row["time"], method: row["method"], path: row["path"], query: row["query"],
                    headers: LoggedHeader.headers(fromStorage: row["headers"]), client: row["client"], status: row["status"],
                    durationMilliseconds: row["durationMilliseconds"], requestBody: row["requestBody"],
                    responseBody: row["responseBody"], appID: try StoredColumns(row, of: "requestLog").optional("appID"))
                entry.id = row["id"]
                return entry
            }
        }
    }

    private static func storageText(_ permissions: Set<AppPermission>) -> String {
        permissions.sorted().map(\.description).joined(separator: ",")
    }

    private static func describe(_ permissions: Set<AppPermission>) -> String {
        permissions.sorted().map(\.description).joined(separator: ", ")
    }
}

extension WorkspaceReading {
    public func apps() throws -> [InstalledApp] {
        try database.read { try ContactModelStore.apps(in: $0) }
    }

    public func app(clientID: String) throws -> InstalledApp? {
        try apps().first { $0.clientID == clientID }
    }

}

/// Random client ids and secrets, like App Center's.
enum Credentials {
    static func random(length: Int, mixedCase: Bool = false) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789" + (mixedCase ? "ABCDEFGHIJKLMNOPQRSTUVWXYZ" : ""))
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
