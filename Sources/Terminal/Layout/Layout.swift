/// Splits a rectangle into rows or columns of fixed or flexible sizes.
public enum Layout {
    public enum Size: Sendable, Hashable {
        /// Exactly this many cells (fewer when space runs out).
        case fixed(Int)
        /// A share of what the fixed sizes leave, in proportion to the weight.
        case flexible(Int)
    }

    /// Stacked top to bottom.
    public static func rows(_ sizes: [Size], in rect: Rect) -> [Rect] {
        lengths(sizes, total: rect.height).reduce(into: (rects: [Rect](), offset: rect.y)) { result, length in
            result.rects.append(Rect(x: rect.x, y: result.offset, width: rect.width, height: length))
            result.offset += length
        }.rects
    }

    /// Side by side, left to right.
    public static func columns(_ sizes: [Size], in rect: Rect) -> [Rect] {
        lengths(sizes, total: rect.width).reduce(into: (rects: [Rect](), offset: rect.x)) { result, length in
            result.rects.append(Rect(x: result.offset, y: rect.y, width: length, height: rect.height))
            result.offset += length
        }.rects
    }

    static func lengths(_ sizes: [Size], total: Int) -> [Int] {
        var remaining = total
        var lengths = sizes.map { size -> Int in
            guard case .fixed(let length) = size else { return 0 }
            let given = min(max(0, length), remaining)
            remaining -= given
            return given
        }
        let weights = sizes.map { size -> Int in
            if case .flexible(let weight) = size { return max(0, weight) }
            return 0
        }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0 else { return lengths }
        var handedOut = 0
        var weightSoFar = 0
        for (index, weight) in weights.enumerated() where weight > 0 {
            weightSoFar += weight
            // Cumulative rounding: shares add up to exactly what remains.
            let end = remaining * weightSoFar / totalWeight
            lengths[index] = end - handedOut
            handedOut = end
        }
        return lengths
    }
}
