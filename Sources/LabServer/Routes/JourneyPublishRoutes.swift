import Foundation
import HTTPTypes
import LabJSON
import LabModel
import Synchronization

/// Publishing and stopping journey versions: `publishAsync` answers at once with a status
/// id and publishes in the background; `publishStatus` reports how it went.
struct JourneyPublishRoutes: RouteFamily {
    static let refusals = RefusalDialect.interactions
    unowned let emulator: Emulator

    var routes: [Route] {
        [
            Route(.post, "/interaction/v1/interactions/publishAsync/{id}", operation: .publishJourneys) { try publish($0) },
            Route(.get, "/interaction/v1/interactions/publishStatus/{statusId}", operation: .readJourneys) { try status($0) },
            Route(.post, "/interaction/v1/interactions/stop/{id}", operation: .publishJourneys) { try stop($0) },
        ]
    }

    /// Only a Draft can be published (Marketing Cloud's message otherwise). What makes a draft
    /// unpublishable — no trigger, no activities — is reported by the status, as there. At the
    /// realistic pace publishing takes a couple of seconds, so a class sees it in process.
    func publish(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let (journey, version) = try JourneyRoutes.version(addressedBy: request, in: emulator.workspace)
        guard version.status == .draft else {
            throw JourneyPlanReader.invalid("Cannot publish interaction in \(version.status.rawValue) status.")
        }
        let statusID = emulator.publishRequests.start()
        let (workspace, requests) = (emulator.workspace, emulator.publishRequests)
        let delay = workspace.engine.settings.pace.publishingDelay
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + delay) {
            requests.finish(statusID, problems: Self.publishing(journey.id, version: version.number, in: workspace))
        }
        return EmulatorResponse(
            status: .ok,
            body: .object([
                "statusUrl": .string("/interaction/v1/interactions/publishStatus/\(statusID)"), "statusId": .string(statusID),
            ]))
    }

    /// Publishes the version, or says why not. Codes are the emulator's own (README).
    private static func publishing(_ journeyID: UUID, version number: Int, in workspace: Workspace) -> [PublishProblem] {
        do {
            let journey = try workspace.journey(.id(journeyID))
            guard let version = journey.versions.first(where: { $0.number == number }), version.status == .draft else {
                return [PublishProblem(detail: "Version \(number) is no longer a draft.", code: "121900")]
            }
            var problems: [PublishProblem] = []
            if version.trigger == nil {
                problems.append(
                    PublishProblem(
                        detail: "The journey has no entry source: add a trigger listening to an event definition.", code: "121901"
                    ))
            }
            if version.activities.isEmpty {
                problems.append(PublishProblem(detail: "The journey has no activities: add at least one.", code: "121902"))
            }
            guard problems.isEmpty else { return problems }
            try workspace.activate(.id(journeyID))
            return []
        } catch {
            return [PublishProblem(detail: String(describing: error), code: "121900")]
        }
    }

    func status(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let id = request.captures["statusId"] ?? ""
        guard let problems = emulator.publishRequests.outcome(id) else {
            throw APIError.envelope(.notFound, "No publish request has the status id \(id).", code: 30003)
        }
        guard let problems else { return EmulatorResponse(status: .ok, body: .object(["status": .string("PublishInProcess")])) }
        let errors = problems.map { problem -> JSONValue in
            .object([
                "errorDetail": .string(problem.detail), "errorCode": .string(problem.code), "errorType": .string("Error"),
                "additionalInfo": .object([:]),
            ])
        }
        return EmulatorResponse(
            status: .ok,
            body: .object([
                "status": .string(problems.isEmpty ? "PublishCompleted" : "Error"), "errors": .array(errors),
                "warnings": .array([]),
            ]))
    }

    /// Stops a Published, Unpublished or Paused version: 200 with an empty body.
    func stop(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let (journey, version) = try JourneyRoutes.version(addressedBy: request, in: emulator.workspace)
        try emulator.workspace.stop(.id(journey.id), version: version.number)
        return EmulatorResponse(status: .ok, body: nil)
    }
}

struct PublishProblem: Sendable {
    let detail: String
    let code: String
}

/// Publish requests in memory: nil problems while in process.
final class PublishRequests: Sendable {
    private let outcomes = Mutex<[String: [PublishProblem]?]>([:])

    func start() -> String {
        let id = UUID().storageText
        outcomes.withLock { $0[id] = .some(nil) }
        return id
    }

    func finish(_ id: String, problems: [PublishProblem]) { outcomes.withLock { $0[id] = .some(problems) } }

    /// Nil for an unknown id; `.some(nil)` while in process.
    func outcome(_ id: String) -> [PublishProblem]?? { outcomes.withLock { $0[id.lowercased()] } }
}
