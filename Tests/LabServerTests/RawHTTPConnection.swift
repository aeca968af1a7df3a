import Foundation
import LabJSON

#if canImport(Glibc)
    import Glibc
#endif

/// One TCP connection to the emulator, for requests URLSession will not send as they are (a
/// NUL in a header, bytes that are not UTF-8 in the path, a body written whole before the
/// answer is read). Every wait is bounded, so a server that stops answering fails the test
/// instead of hanging it, and every blocking call runs on a Dispatch thread: on Swift's few
/// cooperative threads it would starve the server the test talks to.
struct RawHTTPConnection: Sendable {
    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: String
        var json: JSONValue { (try? JSONValue(parsing: Data(body.utf8))) ?? .null }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let socketFD: Int32

    /// Connects to `baseURL`'s port on 127.0.0.1, waiting at most `timeout` seconds for each
    /// write and each read.
    init(baseURL: String, timeout: Int = 15) throws {
        guard let port = UInt16(baseURL.split(separator: ":").last ?? "") else {
            throw Failure(description: "no port in \(baseURL)")
        }
        socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw Failure(description: "socket: \(errno)") }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socketFD, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(port.bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            Glibc.close(socketFD)
            throw Failure(description: "connect: \(errno)")
        }
    }

    /// Writes `request` whole, then reads the answer: what a client that reads only after
    /// writing does.
    func exchange(_ request: [UInt8]) async throws -> Reply {
        try await Self.offCooperativeThreads {
            try write(request)
            return try readReply()
        }
    }

    /// Whether the server closed the connection (after its answer).
    func isClosedByServer() async throws -> Bool {
        try await Self.offCooperativeThreads { isClosed() }
    }

    private static func offCooperativeThreads<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws
        -> Value
    {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Writes every byte, failing if the server stops reading for longer than the timeout.
    private func write(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socketFD, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else {
                throw Failure(description: "send stopped after \(sent) of \(bytes.count) bytes: errno \(errno)")
            }
            sent += count
        }
    }

    /// Reads until the server closes the connection (or the timeout passes) and parses the answer.
    private func readReply() throws -> Reply {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socketFD, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received += buffer[..<count]
                if let reply = Self.complete(received) { return reply }
                continue
            }
            if count == 0, let reply = Self.complete(received) { return reply }
            throw Failure(description: "no whole answer (errno \(errno)); read: \(String(decoding: received, as: UTF8.self))")
        }
    }

    /// A read answers end of file (or a reset) rather than waiting.
    private func isClosed() -> Bool {
        var byte: UInt8 = 0
        return recv(socketFD, &byte, 1, 0) <= 0 && errno != EAGAIN
    }

    func close() { Glibc.close(socketFD) }

    /// The answer once its head and `Content-Length` bytes of body have arrived.
    private static func complete(_ bytes: [UInt8]) -> Reply? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let headEnd = text.range(of: "\r\n\r\n") else { return nil }
        let lines = text[..<headEnd.lowerBound].split(separator: "\r\n")
        guard let statusLine = lines.first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else {
            return nil
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        let body = String(text[headEnd.upperBound...])
        guard body.utf8.count >= Int(headers["content-length"] ?? "0") ?? 0 else { return nil }
        return Reply(status: status, headers: headers, body: body)
    }
}
