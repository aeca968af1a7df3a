import Terminal

/// The rows read for the screen, answering the table's request for the same window.
struct WindowRows: TableDataSource {
    let rowCount: Int
    let offset: Int
    let rows: [TableRow]

    func rows(in range: Range<Int>) -> [TableRow] {
        range.map { index in
            let local = index - offset
            return rows.indices.contains(local) ? rows[local] : TableRow(id: "\(index)", cells: ["…"])
        }
    }
}
