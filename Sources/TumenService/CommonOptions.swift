import ArgumentParser

/// Options every Tumen executable takes: a configuration file and the log level.
public struct CommonOptions: ParsableArguments {
    @Option(help: "JSON configuration file of setting names to values (TUMEN_CONFIG).")
    public var config: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error (TUMEN_LOG_LEVEL).")
    public var logLevel: String?

    public init() {}

    /// The resolved configuration: these flags and `flags`, then environment, file, defaults.
    public func configuration(flags: [String: String?] = [:]) throws -> Configuration {
        var all = flags
        all[Settings.logLevel.key] = logLevel
        return try Configuration(flags: all, configFile: config)
    }
}
