/// Where a paged table's rows come from: a count and windows of rows over one query value —
/// by offset, or after and before a row already read (keyset), which costs a screen of rows
/// however deep it is.
protocol PagedSource {
    associatedtype Item
    associatedtype Query: Equatable
    associatedtype Cursor

    func count(_ query: Query) throws -> Int
    func items(offset: Int, limit: Int, _ query: Query) throws -> [Item]
    /// Up to `limit` items after `cursor`, from the first when nil.
    func items(after cursor: Cursor?, limit: Int, _ query: Query) throws -> [Item]
    /// Up to `limit` items just before `cursor`, the last ones when nil, in order.
    func items(before cursor: Cursor?, limit: Int, _ query: Query) throws -> [Item]
    /// Reading after it starts with the item after `item`.
    func cursor(at item: Item, _ query: Query) -> Cursor
    /// Reading after it starts with `item` itself.
    func cursor(justBefore item: Item, _ query: Query) -> Cursor
}

/// The rows on screen of a table too big to read whole: one count and one window, read with
/// the same query. Near the start, or after the query changed, the window is read by offset;
/// the last screen backwards from the end; elsewhere from the window already read — a move of
/// up to a screen reads after a row on screen (a move up first finds the new top row before
/// it) — so only a far jump walks from the start. Rows added or removed before the window
/// leave it on the rows it showed; a read that comes back short falls back to the offset.
struct PagedWindow<Source: PagedSource> {
    /// Above this offset a window is read from the rows around it rather than by offset,
    /// which walks every row before it.
    static var offsetReadLimit: Int { 5_000 }

    var query: Source.Query {
        didSet { if query != oldValue { isCounted = false } }
    }
    private(set) var items: [Source.Item] = []
    /// The position of `items[0]`.
    private(set) var offset = 0
    private(set) var total = 0
    private var itemsQuery: Source.Query?
    private var isCounted = false

    init(query: Source.Query) { self.query = query }

    /// The rows may have changed: the next `count` asks again.
    mutating func rowsChanged() { isCounted = false }

    /// How many rows the query selects, asked only after the query or the rows changed.
    mutating func count(from source: Source) throws {
        guard !isCounted else { return }
        total = try source.count(query)
        isCounted = true
    }

    /// Reads the `count` rows from `offset`.
    mutating func read(at offset: Int, count: Int, from source: Source) throws {
        items = try window(at: offset, count: count, from: source)
        (self.offset, itemsQuery) = (offset, query)
    }

    /// The item at a table position, if it was read.
    func item(at position: Int) -> Source.Item? {
        items.indices.contains(position - offset) ? items[position - offset] : nil
    }

    private func window(at offset: Int, count: Int, from source: Source) throws -> [Source.Item] {
        let byOffset = { try source.items(offset: offset, limit: count, query) }
        guard offset > Self.offsetReadLimit, itemsQuery == query, !items.isEmpty, count > 0 else { return try byOffset() }
        let expected = min(count, total - offset)
        if offset + count >= total { return try source.items(before: nil, limit: expected, query) }
        let delta = offset - self.offset
        var first: Source.Cursor?
        if (0...items.count).contains(delta) {
            first = delta == 0 ? source.cursor(justBefore: items[0], query) : source.cursor(at: items[delta - 1], query)
        } else if (-count..<0).contains(delta) {
            let above = try source.items(before: source.cursor(at: items[0], query), limit: -delta, query)
            if above.count == -delta, let top = above.first { first = source.cursor(justBefore: top, query) }
        }
        guard let first else { return try byOffset() }
        let read = try source.items(after: first, limit: count, query)
        return read.count == expected ? read : try byOffset()
    }
}
