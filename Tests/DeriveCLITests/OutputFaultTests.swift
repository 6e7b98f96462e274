@testable import DeriveCLI
import Foundation
import Testing

/// Faults while the real `derive` writes: signals, full devices, a reader that leaves, a file size limit,
/// FIFOs, and concurrent runs into one directory.
@Suite struct OutputFaultTests {
    /// A handout that takes seconds to write in a debug build, long enough to interrupt; its first bytes come
    /// out within a second.
    static let longRun = ["--layers", "6000", "--format", "text"]

    // MARK: - Devices and pipes

    /// A FIFO is written through like a shell redirection: the reader gets the document, the FIFO stays.
    @Test func fifoIsWrittenThrough() throws {
        let directory = try TemporaryDirectory()
        let fifo = directory.path("pipe")
        #expect(mkfifo(fifo, 0o644) == 0)
        let received = Received()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            received.data = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile()
            done.signal()
        }
        let run = try DeriveExecutable.run(["--format", "text", "--output", "pipe"], in: directory.url)
        if done.wait(timeout: .now() + 5) == .timedOut {
            // derive never opened the FIFO: release the reader.
            let writer = open(fifo, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
            done.wait()
        }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(received.data.map { String(decoding: $0, as: UTF8.self) } == deriveInProcess(["--format", "text"]).stdout)
        #expect(try FileManager.default.attributesOfItem(atPath: fifo)[.type] as? FileAttributeType != .typeRegular)
        #expect(try directory.entries() == ["pipe"])
    }

    /// `--output /dev/full` fails at the first write, long before the document is computed.
    @Test func fullDeviceStopsAtTheFirstWrite() throws {
        let directory = try TemporaryDirectory()
        let run = try BackgroundRun(Self.longRun + ["--output", "/dev/full"], in: directory.url).finish(within: 5)
        #expect(!run.timedOut, "derive went on computing after the write failed")
        #expect(run.status == 73)
        #expect(run.errorLines == ["Error: cannot write '/dev/full': No space left on device"])
        #expect(try FileManager.default.attributesOfItem(atPath: "/dev/full")[.type] as? FileAttributeType == .typeCharacterSpecial)
        #expect(try directory.entries().isEmpty)
    }

    /// Standard output on `/dev/full`: one line, exit 73, at the first write.
    @Test func fullStandardOutputStopsAtTheFirstWrite() throws {
        let directory = try TemporaryDirectory()
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let run = try BackgroundRun(Self.longRun, in: directory.url, standardOutput: full).finish(within: 5)
        #expect(!run.timedOut, "derive went on computing after the write failed")
        #expect(run.status == 73)
        #expect(run.errorLines == ["Error: cannot write to standard output: No space left on device"])
    }

    /// `derive ... | head -c 100`: when the reader leaves, derive stops quietly instead of computing the rest.
    @Test func readerLeavingStopsTheRun() throws {
        let directory = try TemporaryDirectory()
        let pipe = Pipe()
        let background = try BackgroundRun(Self.longRun, in: directory.url, standardOutput: pipe)
        let head = pipe.fileHandleForReading.readData(ofLength: 100)
        #expect(head.count == 100)
        try pipe.fileHandleForReading.close()
        let run = background.finish(within: 5)
        #expect(!run.timedOut, "derive went on computing after its reader left")
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
    }

    // MARK: - Signals and limits

    /// A signal mid-write removes the temporary file and leaves the existing output as it was. SIGINT, SIGTERM
    /// and SIGHUP end derive by the signal; SIGQUIT quietly, with status 131 and no crash report.
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP, SIGQUIT])
    func signalMidWriteLeavesNoTemporaryFile(_ signal: Int32) throws {
        let directory = try TemporaryDirectory()
        try directory.write("OLD\n", to: "out.txt")
        let background = try BackgroundRun(Self.longRun + ["--output", "out.txt"], in: directory.url)
        let deadline = Date().addingTimeInterval(15)
        while try !directory.entries().contains(where: { $0.hasPrefix(".derive-") }) && Date() < deadline {
            usleep(10_000)
        }
        #expect(try directory.entries().contains { $0.hasPrefix(".derive-") }, "no temporary file appeared")
        kill(background.process.processIdentifier, signal)
        let run = background.finish(within: 10)
        #expect(!run.timedOut)
        #expect(run.status == 128 + signal)
        #expect(run.bySignal == (signal != SIGQUIT))
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect(try directory.entries() == ["out.txt"])
        #expect(try String(contentsOfFile: directory.path("out.txt"), encoding: .utf8) == "OLD\n")
    }

    /// Under `ulimit -f`, a write beyond the limit is reported (exit 73, one line) instead of SIGXFSZ killing derive.
    @Test func fileSizeLimitIsReported() throws {
        let derive = try #require(DeriveExecutable.url)
        let directory = try TemporaryDirectory()
        let run = try DeriveExecutable.run(["-c", "ulimit -f 8 && exec \"$0\" \"$@\"", derive.path, "--layers", "100",
                                            "--format", "text", "--output", "big.txt"],
                                           in: directory.url, executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(run.status == 73, "\(run.stderr)")
        #expect(run.errorLines == ["Error: cannot write 'big.txt': File too large"])
        #expect(try directory.entries().isEmpty)
    }

    // MARK: - Concurrent runs

    /// Six runs with different seeds write a Markdown handout and its pictures into one directory at once: the
    /// set left is one run's complete set.
    @Test func concurrentRunsLeaveOneConsistentSet() throws {
        let seeds = 1...6
        var references: [Int: [String: Data]] = [:]
        for seed in seeds {
            let reference = try TemporaryDirectory()
            let run = deriveInProcess(["--format", "markdown", "--seed", String(seed), "--output", reference.path("out.md")])
            #expect(run.code == .success, "\(run.stderr)")
            references[seed] = try Self.files(in: reference)
        }
        for _ in 1...2 {
            let directory = try TemporaryDirectory()
            let runs = try seeds.map { seed in
                try BackgroundRun(["--format", "markdown", "--seed", String(seed), "--output", "out.md"], in: directory.url)
            }
            for run in runs.map({ $0.finish(within: 30) }) { #expect(run.status == 0, "\(run.stderr)") }
            let written = try Self.files(in: directory)
            #expect(references.values.contains(written), "a mixed set: \(written.keys.sorted())")
        }
    }

    static func files(in directory: TemporaryDirectory) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try directory.entries() { files[name] = try Data(contentsOf: URL(fileURLWithPath: directory.path(name))) }
        return files
    }
}

/// Bytes a background reader received.
private final class Received: @unchecked Sendable {
    var data: Data?
}

/// The built `derive` running in the background, standard error captured to a file.
private struct BackgroundRun {
    let process: Process
    let captures: URL
    let finished = DispatchSemaphore(value: 0)

    /// The outcome of a run.
    struct Outcome {
        let status: Int32
        let bySignal: Bool
        let stderr: String
        let timedOut: Bool

        var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    init(_ arguments: [String], in directory: URL, standardOutput: Any = FileHandle.nullDevice,
         sourceLocation: SourceLocation = #_sourceLocation) throws {
        let binary = try #require(DeriveExecutable.url, "the built 'derive' executable was not found", sourceLocation: sourceLocation)
        captures = FileManager.default.temporaryDirectory.appendingPathComponent("derive-fault-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: captures, withIntermediateDirectories: true)
        let stderrURL = captures.appendingPathComponent("stderr")
        try #require(FileManager.default.createFile(atPath: stderrURL.path, contents: nil))
        process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = standardOutput
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        let finished = finished
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
    }

    /// Waits `seconds` for the run to end (killing it after), and collects its outcome.
    func finish(within seconds: Double) -> Outcome {
        var timedOut = false
        if finished.wait(timeout: .now() + seconds) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: captures) }
        let bySignal = process.terminationReason == .uncaughtSignal
        let stderr = (try? String(contentsOf: captures.appendingPathComponent("stderr"), encoding: .utf8)) ?? ""
        return Outcome(status: bySignal ? 128 + process.terminationStatus : process.terminationStatus, bySignal: bySignal,
                       stderr: stderr, timedOut: timedOut)
    }
}
