/// Pub/sub topic names: `digest.<cadence>.<topic>` for digests, `system.health` for heartbeats.
public enum Topics {
    /// The digest topic for a cadence and subject, e.g. `digest.daily.economic`.
    public static func digest(cadence: String, topic: String) -> String { "digest.\(cadence).\(topic)" }

    /// The health topic every service publishes on.
    public static let health = "system.health"

    /// The cadence name of a period: `hourly`, `daily`, `weekly`, or the period as written (`10m`).
    public static func cadenceName(seconds: Int, written: String) -> String {
        switch seconds {
        case 3600: "hourly"
        case 86_400: "daily"
        case 604_800: "weekly"
        default: written
        }
    }

    /// Subject topics the analysis knows, besides `all`.
    public static let subjects = ["economic", "military", "diplomatic", "labour", "sanctions", "technology"]
}
