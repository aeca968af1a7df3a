import Foundation
import Logging

/// `serve`'s console: one line per message, the time then the text (`16:02:03.120 POST
/// /interaction/v1/events → 201 in 2.1 ms`); warnings and worse say so and go to standard error.
struct ConsoleLogHandler: LogHandler {
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let details =
            merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let severity = event.level >= .warning ? "\(event.level): " : ""
        let line = Data("\(Self.timestamp()) \(severity)\(event.message)\(details)\n".utf8)
        // A console that is gone (a closed pipe) loses the line, not the server.
        try? (event.level >= .warning ? FileHandle.standardError : FileHandle.standardOutput).write(contentsOf: line)
    }

    /// Local wall-clock time to the millisecond.
    private static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var parts = tm()
        var seconds = now.tv_sec
        localtime_r(&seconds, &parts)
        return String(format: "%02d:%02d:%02d.%03d", parts.tm_hour, parts.tm_min, parts.tm_sec, Int(now.tv_nsec / 1_000_000))
    }
}
