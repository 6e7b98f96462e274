@testable import DeriveCLI
import Foundation
import TestSupport
import Testing

/// The progress line: one updating line on a terminal's standard error, erased at the end, and nothing at
/// all when standard error is a pipe. `DERIVE_PROGRESS_DELAY=0` shows it from the start instead of after
/// a second, so a small network is enough.
@Suite struct ProgressLineTests {
    private static let arguments = ["--layers", "6", "--format", "latex"]

    @Test func appearsOnATerminalAndIsErasedAtTheEnd() throws {
        guard let script = ExternalTool.required("script") else { return }
        let derive = try #require(DeriveExecutable.url)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("derive-progress-\(UUID().uuidString).tex").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let command = ([derive.path] + Self.arguments + ["--output", output]).joined(separator: " ")
        // script(1) runs the command on a pseudo-terminal and copies what it shows.
        let run = try script.run(["-qec", "env DERIVE_PROGRESS_DELAY=0 " + command, "/dev/null"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("\r\u{1B}[Kderive: "))
        #expect(run.stdout.contains(" of 6 · ") && run.stdout.contains(" MB/s"), "\(run.stdout)")
        #expect(run.stdout.hasSuffix("\r\u{1B}[K"), "the line is not erased at the end")
        #expect(FileManager.default.fileExists(atPath: output))
    }

    @Test func neverAppearsInAPipe() throws {
        setenv("DERIVE_PROGRESS_DELAY", "0", 1)
        defer { unsetenv("DERIVE_PROGRESS_DELAY") }
        let run = try DeriveExecutable.run(Self.arguments, in: FileManager.default.temporaryDirectory)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdoutText.hasPrefix("\\documentclass"))
    }
}
