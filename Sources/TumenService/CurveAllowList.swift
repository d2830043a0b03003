import CoreMetrics
import Foundation
import Logging
import Synchronization
import TumenTransport

/// The clients a CURVE server lets in: a directory of public key files, one `NAME.pub` per client.
///
/// Each `*.pub` file holds one client's public key (see ``CurveKeyDirectory`` for the format); `NAME` becomes the
/// `User-Id` of the client's messages. Adding, replacing or removing a file takes effect from the next connection,
/// without a restart: every request checks the modification times of the directory and of the files read, and
/// reads them again when one changed (or changed less than a second before the last reading, finer than the file
/// system's clock shows). Connections already made stay up.
///
/// Every refused client is counted in ``deniedCount`` and logged as a warning with its key (Z85) and address, or,
/// for a handshake that failed before its key was known, with the server endpoint and the reason. libzmq retries a
/// refused connection every 100 ms, so a refusal repeated within a minute is logged at debug level, and the next
/// warning says how many repeats it stood for.
public final class CurveAllowList: CurveAuthenticator {
    /// The directory of `*.pub` files.
    public let directory: URL
    private let logger: Logger
    private let state = Mutex(State())

    private static let warningInterval = Duration.seconds(60)
    /// A reading is trusted only if nothing it read changed within this time before it.
    private static let settleInterval: TimeInterval = 1

    private struct State {
        var keys: [CurveKey: String] = [:]
        /// Modification dates of the directory and of every file read, by path, as of the last reading.
        var stamps: [String: Date] = [:]
        var readAt: Date?
        /// Why the directory could not be read the last time, to warn once per problem.
        var problem: String?
        var deniedCount = 0
        var warnings: [String: (last: ContinuousClock.Instant, repeats: Int)] = [:]
    }

    /// The allow-list in `directory`; read on the first request.
    public init(directory: URL, logger: Logger) {
        self.directory = directory
        self.logger = logger
    }

    /// How many connections were refused: unknown keys, missing keys and failed handshakes.
    public var deniedCount: Int {
        state.withLock { $0.deniedCount }
    }

    public func authorize(_ request: ZAPRequest) -> ZAPDecision {
        guard let key = request.curvePublicKey else {
            record(
                "\(request.mechanism) client refused: no CURVE public key", client: "none@\(request.address)",
                metadata: ["address": "\(request.address)", "mechanism": "\(request.mechanism)"])
            return .deny(reason: "no CURVE public key")
        }
        if let name = allowedName(of: key) {
            logger.debug("CURVE client allowed", metadata: ["client": "\(name)", "address": "\(request.address)"])
            return .allow(userId: name)
        }
        record(
            "CURVE client refused: its public key is not in the allow-list", client: "\(key.z85)@\(request.address)",
            metadata: ["key": "\(key.z85)", "address": "\(request.address)", "allowList": "\(directory.path)"])
        return .deny(reason: "public key not allowed")
    }

    public func handshakeFailed(_ failure: CurveHandshakeFailure) {
        record(
            "CURVE handshake failed: \(failure.reason)", client: "\(failure.reason)@\(failure.endpoint)",
            metadata: ["endpoint": "\(failure.endpoint)"])
    }

    /// Counts a refusal and logs it: as a warning, unless the same `client` was warned about within a minute.
    private func record(_ refusal: String, client: String, metadata: Logger.Metadata) {
        let now = ContinuousClock.now
        let (isWarning, repeats) = state.withLock { state in
            state.deniedCount += 1
            if let last = state.warnings[client], now - last.last < Self.warningInterval {
                state.warnings[client]?.repeats += 1
                return (false, 0)
            }
            if state.warnings.count >= 1_000 {
                state.warnings = state.warnings.filter { now - $0.value.last < Self.warningInterval }
            }
            let repeats = state.warnings[client]?.repeats ?? 0
            state.warnings[client] = (now, 0)
            return (true, repeats)
        }
        Counter(label: "curve_clients_refused").increment()
        var metadata = metadata
        if repeats > 0 {
            metadata["repeatsSinceLastWarning"] = "\(repeats)"
        }
        logger.log(level: isWarning ? .warning : .debug, "\(refusal)", metadata: metadata)
    }

    // MARK: - Reading the directory

    private func allowedName(of key: CurveKey) -> String? {
        state.withLock { state in
            if !isCurrent(state) {
                read(into: &state)
            }
            return state.keys[key]
        }
    }

    private func isCurrent(_ state: State) -> Bool {
        guard let readAt = state.readAt, state.stamps[directory.path] != nil else { return false }
        let settled = readAt.addingTimeInterval(-Self.settleInterval)
        return state.stamps.allSatisfy { path, date in date < settled && Self.modificationDate(path) == date }
    }

    private func read(into state: inout State) {
        state.readAt = Date()
        state.keys = [:]
        state.stamps = [:]
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            let problem = error.localizedDescription
            if problem != state.problem {
                logger.warning("CURVE allow-list \(directory.path) cannot be read, every client is refused: \(problem)")
            }
            state.problem = problem
            return
        }
        state.problem = nil
        state.stamps[directory.path] = Self.modificationDate(directory.path)
        for name in names.sorted() where name.hasSuffix(".pub") {
            let file = directory.appendingPathComponent(name)
            state.stamps[file.path] = Self.modificationDate(file.path)
            do {
                state.keys[try CurveKeyDirectory.readPublicKey(file)] = String(name.dropLast(4))
            } catch {
                logger.warning("CURVE allow-list entry ignored: \(error)")
            }
        }
    }

    private static func modificationDate(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}
