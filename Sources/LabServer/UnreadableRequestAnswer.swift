import Foundation
import HTTPTypes
import LabJSON
import LabModel
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request the HTTP layer cannot read — a header past the size limit, a NUL or a
/// byte that is no text in the head — with a 400 in Marketing Cloud's envelope, where
/// Hummingbird answers an empty body. It sits after the HTTP codec, so it sees the parser's
/// errors before Hummingbird does, and answers only between requests: NIO's pipelining
/// handler holds a parser error back while a response is being written, and an error in a
/// request still being answered is left to Hummingbird. After the answer the connection's
/// output is shut and what else arrives is dropped, so a client still writing reads the
/// answer rather than a reset; the connection is closed once the client closes, or after
/// `lingering`. The request log keeps a line for it, with no method or path (none could be read).
final class UnreadableRequestAnswer: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    static let lingering: TimeAmount = .seconds(5)

    /// Requests read whose response has not ended: an error then belongs to Hummingbird.
    private var requestsBeingAnswered = 0
    private var hasAnswered = false
    private let workspace: Workspace

    init(loggingTo workspace: Workspace) {
        self.workspace = workspace
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !hasAnswered else { return }
        if case .head = unwrapInboundIn(data) { requestsBeingAnswered += 1 }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { requestsBeingAnswered -= 1 }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard !hasAnswered else { return }
        // Transport failures are no request to answer; a request being answered is Hummingbird's.
        guard requestsBeingAnswered == 0, !(error is IOError), !(error is ChannelError) else {
            context.fireErrorCaught(error)
            return
        }
        hasAnswered = true
        let text = Self.refusal(for: error).serialized
        workspace.logRequest(
            RequestLogEntry(
                time: Date(), method: "", path: "", client: EmulatorResponder.clientText(context.channel.remoteAddress),
                status: HTTPResponse.Status.badRequest.code, durationMilliseconds: 0, requestBody: "", responseBody: text,
                appID: nil))
        let reply = ByteBuffer(string: text)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.contentLength] = String(reply.readableBytes)
        headers[.connection] = "close"
        context.write(wrapOutboundOut(.head(HTTPResponse(status: .badRequest, headerFields: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(reply)), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            channel.close(mode: .output, promise: nil)
            channel.eventLoop.scheduleTask(in: Self.lingering) { channel.close(promise: nil) }
        }
    }

    /// The envelope for what could not be read.
    static func refusal(for error: any Error) -> JSONValue {
        let message =
            switch error as? HTTPParserError {
            case .headerOverflow?:
                "The request's head (its line and headers) is larger than the 80 KB limit."
            case .invalidHeaderToken?, .invalidConstant?, .lfExpected?, .strictModeAssertion?:
                "The request's headers are not valid HTTP: a header name or value holds a character headers cannot (a NUL, a line break)."
            case .invalidURL?, .invalidPath?, .invalidQueryString?, .invalidFragment?:
                "The request's URL is not valid: it holds bytes a URL cannot (percent-encode them)."
            default:
                "Please validate that your request is properly formed."
            }
        return APIError.badRequest(message, code: 400).body
    }
}
