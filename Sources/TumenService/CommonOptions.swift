import ArgumentParser

/// Options every Tumen executable takes: a configuration file, the log level and transport security.
public struct CommonOptions: ParsableArguments {
    @Option(help: "JSON configuration file of setting names to values (TUMEN_CONFIG).")
    public var config: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error (TUMEN_LOG_LEVEL).")
    public var logLevel: String?

    @Option(help: "Directory of CURVE keys written by `tumen keys generate` (TUMEN_CURVE_DIR).")
    public var curveDir: String?

    @Flag(help: "Allow binding a non-loopback tcp:// address without CURVE; logs a warning (TUMEN_INSECURE).")
    public var insecure = false

    public init() {}

    /// The resolved configuration: these flags and `flags`, then environment, file, defaults.
    public func configuration(flags: [String: String?] = [:]) throws -> Configuration {
        var all = flags
        all[Settings.logLevel.key] = logLevel
        all[Settings.curveDirectory.key] = curveDir
        if insecure {
            all[Settings.insecure.key] = "true"
        }
        return try Configuration(flags: all, configFile: config)
    }
}
