#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A short notice in the bottom-right corner that goes away by itself.
public struct Toast: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case success, warning, error

        public var role: StyleRole {
            switch self {
            case .success: .success
            case .warning: .warning
            case .error: .error
            }
        }

        /// Said in a symbol too, so the kind never rests on color alone.
        public var symbol: String {
            switch self {
            case .success: "✓"
            case .warning: "!"
            case .error: "✗"
            }
        }
    }

    public var message: String
    public var kind: Kind
    public var shownAt: Date
    public var duration: TimeInterval

    public init(message: String, kind: Kind = .success, shownAt: Date = Date(), duration: TimeInterval = 3) {
        self.message = message
        self.kind = kind
        self.shownAt = shownAt
        self.duration = duration
    }

    public func isVisible(at now: Date) -> Bool {
        now.timeIntervalSince(shownAt) < duration
    }

    /// One row, ` ✓ Saved `, against the bottom-right corner of `area`; the message is cut
    /// with "…" when the area is narrower.
    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let text = TextFitting.truncate(" \(kind.symbol) \(message) ", to: area.width)
        let width = TextWidth.of(text)
        let box = Rect(x: area.maxX - width, y: area.maxY - 1, width: width, height: 1)
        let style = Style(kind.role, bold: true)
        buffer.fill(box, style: style)
        buffer.write(text, x: box.x, y: box.y, style: style, clip: box)
    }
}
