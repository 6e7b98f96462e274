@testable import DeriveCLI
import Foundation

/// A text stream that collects everything written to it.
struct Captured: TextOutputStream {
    var text = ""

    mutating func write(_ string: String) {
        text += string
    }
}

/// The result of running `derive` inside the test process.
struct InProcessRun {
    let code: ExitCode
    let stdout: String
    let stderr: String

    /// The lines written to standard error, without the final newline's empty line.
    var errorLines: [String] {
        stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }
}

/// Runs `DeriveCommand` with `arguments` (without the program name), capturing both streams.
///
/// Runs share the test process's working directory, so callers pass absolute paths for files.
func deriveInProcess(_ arguments: [String]) -> InProcessRun {
    var output = Captured()
    var error = Captured()
    let code = DeriveCommand.run(arguments: arguments, output: &output, error: &error)
    return InProcessRun(code: code, stdout: output.text, stderr: error.text)
}

/// A fresh directory for one test, removed when the value is deinitialized.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("derive-cli-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The absolute path of `name` inside the directory.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` to `name` inside the directory and returns its absolute path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        let path = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The names of the entries in the directory, sorted.
    func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }
}
