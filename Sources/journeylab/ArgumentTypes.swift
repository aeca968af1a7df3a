import ArgumentParser
import LabModel
import LabServer

// Options typed where they are parsed: a wrong value is a usage error (exit 2) naming the
// option, before anything is opened or started.

extension Pace: ExpressibleByArgument {}

extension RateLimit: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// A port for the emulator: 0 to 65535, 0 for any free one.
struct PortNumber: ExpressibleByArgument, Sendable, Hashable, CustomStringConvertible {
    let value: Int

    init(_ value: Int) { self.value = value }

    init?(argument: String) {
        guard let value = Int(argument), (0...65_535).contains(value) else { return nil }
        self.value = value
    }

    var description: String { String(value) }
}
