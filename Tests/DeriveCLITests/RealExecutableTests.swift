@testable import DeriveCLI
import Foundation
import Testing

/// Successful runs of the real `derive` executable, from anywhere it may be started.
@Suite struct RealExecutableTests {
    @Test func latexDocumentOnStandardOutput() throws {
        let directory = try TemporaryDirectory()
        let run = try DeriveExecutable.run(["--layers", "3", "--format", "latex"], in: directory.url)
        #expect(!run.timedOut)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdoutText.hasPrefix("\\documentclass"))
        #expect(run.stdoutText.hasSuffix("\\end{document}\n"))
        #expect(run.stdoutText == deriveInProcess(["--layers", "3", "--format", "latex"]).stdout)
        #expect(try directory.entries().isEmpty)
    }

    @Test func helpExitsSuccessfully() throws {
        let directory = try TemporaryDirectory()
        let run = try DeriveExecutable.run(["--help"], in: directory.url)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdoutText.hasPrefix("OVERVIEW:"))
    }

    @Test(arguments: ["/tmp", "/"])
    func worksFromAnotherWorkingDirectory(_ path: String) throws {
        let run = try DeriveExecutable.run(["--format", "markdown", "--bias"], in: URL(fileURLWithPath: path))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdoutText == deriveInProcess(["--format", "markdown", "--bias"]).stdout)
    }

    @Test func aCopyOfTheBinaryElsewhereStillWorks() throws {
        let original = try #require(DeriveExecutable.url)
        let directory = try TemporaryDirectory()
        let copy = directory.url.appendingPathComponent("derive")
        try FileManager.default.copyItem(at: original, to: copy)
        let work = try TemporaryDirectory()
        for format in ["latex", "json"] {
            let run = try DeriveExecutable.run(["--format", format], in: work.url, executable: copy)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.isEmpty)
            #expect(run.stdoutText == deriveInProcess(["--format", format]).stdout)
        }
    }

    @Test func outputWritesOnlyThatFile() throws {
        let directory = try TemporaryDirectory()
        let run = try DeriveExecutable.run(["--format", "text", "--output", "handout.txt"], in: directory.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.isEmpty)
        #expect(try directory.entries() == ["handout.txt"])
        let written = try String(contentsOfFile: directory.path("handout.txt"), encoding: .utf8)
        #expect(written == deriveInProcess(["--format", "text"]).stdout)
    }

    @Test func networkFileRelativeToTheWorkingDirectory() throws {
        let directory = try TemporaryDirectory()
        try directory.write(DeriveCommandTests.identityNetwork, to: "identity.json")
        let run = try DeriveExecutable.run(["--network", "identity.json", "--format", "json"], in: directory.url)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try DeriveCommandTests.json(run.stdoutText)
        let layers = try #require(json["layers"] as? [[String: Any]])
        #expect(DeriveCommandTests.matrix(layers.first?["gradWeights"]) == [[3.5], [7], [10.5]])
    }
}
