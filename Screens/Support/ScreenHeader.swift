import Terminal

/// The top of a list screen: its title, then what it says now — what just happened, the filter
/// being typed and why it was refused — each notice wrapped over up to two lines, so a reason
/// or a generated key reads whole.
struct ScreenHeader {
    var title: String
    var notices: [Notice]

    static let linesPerNotice = 2

    func height(width: Int) -> Int {
        1 + notices.map { $0.lines(width: width, limit: Self.linesPerNotice).count }.reduce(0, +)
    }

    func render(into buffer: inout Buffer, area: Rect) {
        buffer.write(
            TextFitting.truncate(title, to: area.width), x: area.x, y: area.y, style: Style(.title, bold: true), clip: area)
        var y = area.y + 1
        for notice in notices {
            let lines = notice.lines(width: area.width, limit: Self.linesPerNotice).count
            notice.render(into: &buffer, area: Rect(x: area.x, y: y, width: area.width, height: lines))
            y += lines
        }
    }
}
