/// One terminal cell: a grapheme and its style. A wide grapheme fills its cell and marks the
/// next one as its continuation, so columns always line up with the screen.
public struct Cell: Sendable, Hashable {
    public var grapheme: Character
    public var style: Style
    /// The right half of a wide grapheme: draws nothing itself.
    public var isContinuation: Bool

    public init(_ grapheme: Character = " ", style: Style = .normal, isContinuation: Bool = false) {
        self.grapheme = grapheme
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}
