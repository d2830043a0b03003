import Foundation
import Testing

@testable import TumenService

struct ConfigurationTests {
    func configFile(_ json: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tumen-\(UUID().uuidString).json").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func flagsWinOverEnvironmentWhichWinsOverTheFileWhichWinsOverDefaults() throws {
        let file = try configFile(
            #"{"store-endpoint": "tcp://file:1", "jobs-endpoint": "tcp://file:2", "data-dir": "/file"}"#)
        let environment = ["TUMEN_STORE_ENDPOINT": "tcp://env:1", "TUMEN_JOBS_ENDPOINT": "tcp://env:2"]
        let config = try Configuration(
            flags: ["store-endpoint": "tcp://flag:1", "jobs-endpoint": nil], configFile: file, environment: environment)
        #expect(config.string(Settings.storeEndpoint) == "tcp://flag:1")
        #expect(config.string(Settings.jobsEndpoint) == "tcp://env:2")
        #expect(config.string(Settings.dataDirectory) == "/file")
        #expect(config.string(Settings.digestsEndpoint) == Settings.digestsEndpoint.defaultValue)
    }

    @Test func theConfigFileCanComeFromTheEnvironment() throws {
        let file = try configFile(#"{"every": "1w"}"#)
        let config = try Configuration(environment: ["TUMEN_CONFIG": file])
        #expect(config.string(Settings.every) == "1w")
    }

    @Test func anUnknownSettingInTheFileIsAnErrorThatNamesIt() throws {
        let file = try configFile(#"{"store-endpiont": "tcp://typo:1"}"#)
        let error = #expect(throws: ConfigurationError.self) { try Configuration(configFile: file, environment: [:]) }
        #expect(error?.description.contains("unknown setting 'store-endpiont'") == true)
    }

    @Test func aMissingOrMalformedFileIsAnErrorThatNamesThePath() throws {
        let missing = #expect(throws: ConfigurationError.self) {
            try Configuration(configFile: "/nonexistent/tumen.json", environment: [:])
        }
        #expect(missing?.description.contains("/nonexistent/tumen.json") == true)
        let file = try configFile("[1, 2]")
        let malformed = #expect(throws: ConfigurationError.self) {
            try Configuration(configFile: file, environment: [:])
        }
        #expect(malformed?.description.contains("JSON object") == true)
    }

    @Test func aNonNumericValueForANumericSettingNamesTheSettingAndValue() throws {
        let config = try Configuration(environment: ["TUMEN_LEASE_SECONDS": "soon"])
        let error = #expect(throws: ConfigurationError.self) { try config.int(Settings.leaseSeconds) }
        #expect(error?.description == "lease-seconds (TUMEN_LEASE_SECONDS) must be an integer, got 'soon'")
    }

    @Test func everySettingHasAUniqueKeyAndEnvironmentVariable() {
        #expect(Set(Settings.all.map(\.key)).count == Settings.all.count)
        #expect(Set(Settings.all.map(\.env)).count == Settings.all.count)
        #expect(Settings.all.allSatisfy { $0.env.hasPrefix("TUMEN_") })
    }
}
