import Foundation
import TestSupport

extension TmuxSession {
    /// One row of the data extension wizard's attributes grid, from its name cell: the type by
    /// its first letter, the primary key by Space, the default typed; Tab past the last cell
    /// starts the next row unless this is the last.
    func typeAttributeRow(
        _ name: String, type: String? = nil, primaryKey: Bool = false, defaultValue: String = "", last: Bool = false
    ) throws {
        try send(name, literal: true)
        try send("Tab")
        if let type { try send(type, literal: true) }
        try send("Tab")
        if primaryKey { try send("Space") }
        try send("Tab", "Tab", "Tab")
        if !defaultValue.isEmpty { try send(defaultValue, literal: true) }
        if !last { try send("Tab") }
    }

    /// Waits until the whole screen (masked) is `expected`: a key's effect has fully landed.
    /// On timeout the error shows the screen as it was.
    @discardableResult
    func waitForScreen(_ expected: String, timeout: TimeInterval = 60) throws -> String {
        var last = ""
        do {
            try waitFor("the whole screen", timeout: timeout) { _ in
                last = (try? maskedScreen()) ?? ""
                return last == expected
            }
        } catch {
            throw Failure(description: "timed out waiting for the screen:\n\(expected)\n\nit was:\n\(last)")
        }
        return last
    }

    /// The screen with what changes from run to run masked: the emulator's port and the
    /// workspace's temporary path in the status bar, and generated keys (GUIDs).
    func maskedScreen() throws -> String {
        let guid = try NSRegularExpression(pattern: "[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}")
        // capture-pane ends the last row with a line break: no row of its own.
        let rows = try screen().split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        return rows.map { line in
            let text = String(line.reversed().drop { $0 == " " }.reversed())
            if text.hasPrefix(" Emulator http://127.0.0.1:") { return " Emulator <url and workspace>" }
            return guid.stringByReplacingMatches(
                in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "<generated key>")
        }.joined(separator: "\n")
    }
}
