import Foundation

/// Pub/sub topic names: `digest.<cadence>.<topic>` for digests, `system.health` for heartbeats.
public enum Topics {
    /// The digest topic for a cadence and subject, e.g. `digest.daily.economic`.
    public static func digest(cadence: String, topic: String) -> String { "digest.\(cadence).\(topic)" }

    /// The health topic every service publishes on.
    public static let health = "system.health"

    /// Subject topics the analysis knows, besides `all`.
    public static let subjects = [
        "economic", "military", "diplomatic", "labour", "sanctions", "technology", "munitions", "troops", "logistics",
        "tourism",
    ]
}

/// How often reporting makes a digest: a period such as `10m`, `1h`, `1d`, `1w`, and its name in topics.
public struct Cadence: Sendable, Hashable, CustomStringConvertible {
    /// The period in seconds.
    public var seconds: Int
    /// `hourly`, `daily`, `weekly`, or the period as written (`10m`).
    public var name: String

    /// Parses `<number><unit>` with unit `s`, `m`, `h`, `d` or `w`, or the names `hourly`, `daily`, `weekly`.
    public init?(_ text: String) {
        let named = ["hourly": 3600, "daily": 86_400, "weekly": 604_800]
        if let seconds = named[text] {
            self.init(seconds: seconds)
            return
        }
        let units = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        guard let unit = text.last.flatMap({ units[String($0)] }), let count = Int(text.dropLast()), count > 0 else {
            return nil
        }
        self.init(seconds: count * unit)
    }

    public init(seconds: Int) {
        self.seconds = seconds
        switch seconds {
        case 3600: name = "hourly"
        case 86_400: name = "daily"
        case 604_800: name = "weekly"
        case let s where s % 604_800 == 0: name = "\(s / 604_800)w"
        case let s where s % 86_400 == 0: name = "\(s / 86_400)d"
        case let s where s % 3600 == 0: name = "\(s / 3600)h"
        case let s where s % 60 == 0: name = "\(s / 60)m"
        default: name = "\(seconds)s"
        }
    }

    public var description: String { name }

    /// The last period boundary at or before `date` (periods are aligned to the Unix epoch, in UTC).
    public func boundary(atOrBefore date: Date) -> Date {
        let t = Int(date.timeIntervalSince1970.rounded(.down))
        return Date(timeIntervalSince1970: Double(t - ((t % seconds) + seconds) % seconds))
    }
}
