import Foundation

extension UUID {
    /// A version 7 UUID: the time in milliseconds, then random bits. Ids made one after the
    /// other sort together, so an index of event instances grows at its end instead of
    /// touching a page anywhere in the file for each event. Its bits come from the system's
    /// random source directly, all sixteen bytes in one call (`UUID()` opened `/dev/urandom`
    /// for every id; two 64-bit draws were two system calls).
    static func timeOrdered(at time: Date) -> UUID {
        let milliseconds = UInt64(max(0, (time.timeIntervalSince1970 * 1_000).rounded()))
        var bytes = [UInt8](repeating: 0, count: 16)
        bytes.withUnsafeMutableBytes { arc4random_buf($0.baseAddress!, $0.count) }
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - index))) }
        bytes[6] = 0x70 | (bytes[6] & 0x0F)
        bytes[8] = 0x80 | (bytes[8] & 0x3F)
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
