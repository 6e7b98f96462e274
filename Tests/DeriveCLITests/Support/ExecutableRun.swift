import Foundation
import Testing

/// The result of running the built `derive` executable in its own process.
struct ExecutableRun {
    let status: Int32
    let stdout: Data
    let stderr: String
    let timedOut: Bool

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }

    /// The lines written to standard error, ignoring a final newline.
    var errorLines: [String] {
        var lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// Finds and runs the real `derive` binary that `swift test` built beside the test bundle.
enum DeriveExecutable {
    /// How long one run may take before it is killed and counted as a hang.
    static let timeout: TimeInterval = 20

    /// The `derive` binary, or `nil` when it cannot be found.
    ///
    /// `DERIVE_EXECUTABLE` overrides the search; otherwise the directory of the running test
    /// binary, and its parents, are searched (SwiftPM puts products and test bundles side by side).
    static let url: URL? = {
        let manager = FileManager.default
        if let override = ProcessInfo.processInfo.environment["DERIVE_EXECUTABLE"], manager.isExecutableFile(atPath: override) {
            return URL(fileURLWithPath: override)
        }
        var starts = [URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()]
        if let executable = Bundle.main.executableURL { starts.append(executable.resolvingSymlinksInPath().deletingLastPathComponent()) }
        starts.append(Bundle.main.bundleURL.resolvingSymlinksInPath())
        for start in starts {
            var directory = start
            for _ in 0..<4 {
                let candidate = directory.appendingPathComponent("derive")
                var isDirectory: ObjCBool = false
                if manager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                   manager.isExecutableFile(atPath: candidate.path) {
                    return candidate
                }
                directory = directory.deletingLastPathComponent()
            }
        }
        return nil
    }()

    /// Runs `executable` (by default the built `derive`) with `arguments` in `directory`,
    /// capturing both streams into files beside, not inside, the working directory.
    static func run(_ arguments: [String], in directory: URL, executable: URL? = nil,
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> ExecutableRun {
        let binary = try #require(executable ?? url, "the built 'derive' executable was not found beside the test binary",
                                  sourceLocation: sourceLocation)
        let captures = FileManager.default.temporaryDirectory
            .appendingPathComponent("derive-cli-capture-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: captures, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: captures) }
        let stdoutURL = captures.appendingPathComponent("stdout")
        let stderrURL = captures.appendingPathComponent("stderr")
        try #require(FileManager.default.createFile(atPath: stdoutURL.path, contents: nil))
        try #require(FileManager.default.createFile(atPath: stderrURL.path, contents: nil))
        let stdoutHandle = try FileHandle(forWritingTo: stdoutURL)
        let stderrHandle = try FileHandle(forWritingTo: stderrURL)
        defer {
            try? stdoutHandle.close()
            try? stderrHandle.close()
        }

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdoutHandle
        process.standardError = stderrHandle
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
        }
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return ExecutableRun(status: status, stdout: try Data(contentsOf: stdoutURL),
                             stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self), timedOut: timedOut)
    }
}
