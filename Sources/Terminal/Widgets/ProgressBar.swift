/// `[██████░░░░] 60%  600/1,000`: a bar that takes the width the text leaves, or just the
/// text when the area is too narrow for a bar to say anything.
public struct ProgressBar: Sendable, Hashable {
    /// From 0 to 1; anything outside (or NaN) is clamped.
    public var fraction: Double
    public var label: String

    /// Below this width only the text is shown.
    public static let minimumWidthForBar = 20
    /// Fewer cells than this would not show progress, so the text gets the room instead.
    public static let minimumBarCells = 5

    public init(fraction: Double, label: String = "") {
        self.fraction = fraction
        self.label = label
    }

    /// `completed` of `total`, labelled `600/1,000`. Nothing to do counts as not started.
    public init(completed: Int, total: Int) {
        self.init(
            fraction: total > 0 ? Double(completed) / Double(total) : 0,
            label: "\(NumberText.grouped(completed))/\(NumberText.grouped(total))")
    }

    public var clampedFraction: Double { fraction.isNaN ? 0 : min(max(fraction, 0), 1) }

    /// Whole percent, rounded down so 100% means done; the epsilon undoes binary fractions
    /// like 0.29 × 100 = 28.999….
    public var percent: Int { Int(clampedFraction * 100 + 1e-9) }

    public var text: String { label.isEmpty ? "\(percent)%" : "\(percent)%  \(label)" }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let text = text
        let cells = area.width - 3 - TextWidth.of(text)
        guard area.width >= Self.minimumWidthForBar, cells >= Self.minimumBarCells else {
            buffer.write(TextFitting.truncate(text, to: area.width), x: area.x, y: area.y, clip: area)
            return
        }
        let filled = Int(clampedFraction * Double(cells) + 1e-9)
        var line = StyledLine("[")
        line.append(String(repeating: "█", count: filled), style: Style(.success))
        line.append(String(repeating: "░", count: cells - filled), style: Style(.muted))
        line.append("] " + text)
        buffer.write(line, x: area.x, y: area.y, clip: area)
    }
}
