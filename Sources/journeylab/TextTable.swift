import Terminal

/// Columns padded to their widest cell, for people reading a terminal.
enum TextTable {
    static func render(_ headers: [String], _ rows: [[String]]) -> String {
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { column < $0.count ? $0[column] : "" }).map(TextWidth.of).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - TextWidth.of(cell))
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "─", count: $0) }
        return ([line(headers), line(rule)] + rows.map(line)).joined(separator: "\n")
    }
}
