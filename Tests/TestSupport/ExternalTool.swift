import Foundation
import Testing

/// A program on PATH that tests run as a user would (a shell, groff), found once and run to completion.
public struct ExternalTool: Sendable {
    /// The program's path.
    public let url: URL

    /// What one run printed and how it ended.
    public struct Output: Sendable {
        /// The exit status.
        public let status: Int32
        /// Standard output.
        public let stdout: String
        /// Standard error.
        public let stderr: String
    }

    /// The program called `name` on PATH, or `nil`.
    public static func find(_ name: String) -> ExternalTool? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
            .map(ExternalTool.init(url:))
    }

    /// The program called `name`, or `nil` after recording a failure when it must be there: in CI
    /// (`CI=true`, where `.ci/run` installs it) a missing program fails the test instead of skipping it.
    public static func required(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> ExternalTool? {
        if let tool = find(name) { return tool }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("\(name) is not installed; .ci/run installs it", sourceLocation: sourceLocation)
        }
        return nil
    }

    /// Runs the program with `arguments` and waits for it.
    public func run(_ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }
}
