@testable import DeriveCLI
import BackpropRendering
import Foundation
import Testing

/// Writing `--output`, in process: sets of files all or nothing, devices written through, permissions kept,
/// nothing created by a failed run left behind.
@Suite struct OutputFileTests {
    static func contents(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    static func type(_ path: String) throws -> FileAttributeType? {
        try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
    }

    // MARK: - Sets of files

    /// A picture's name taken by a directory: the Markdown file written earlier keeps its contents.
    @Test func markdownWithAPictureBlockedLeavesTheHandout() throws {
        let directory = try TemporaryDirectory()
        let handout = try directory.write("OLD\n", to: "out.md")
        try FileManager.default.createDirectory(atPath: directory.path("out-network.svg"), withIntermediateDirectories: false)
        let run = deriveInProcess(["--format", "markdown", "--output", handout])
        #expect(run.code == .cannotCreate)
        #expect(run.errorLines == ["Error: cannot write '\(directory.path("out-network.svg"))': Is a directory"])
        #expect(try Self.contents(handout) == "OLD\n")
        #expect(try directory.entries() == ["out-network.svg", "out.md"])
    }

    /// A Markdown name whose picture names are too long: nothing is written.
    @Test func pictureNamesTooLongWriteNothing() throws {
        let directory = try TemporaryDirectory()
        let name = String(repeating: "a", count: 240) + ".md"
        let run = deriveInProcess(["--format", "markdown", "--output", directory.path(name)])
        #expect(run.code == .cannotCreate)
        #expect(run.errorLines.count == 1)
        #expect(run.stderr.contains("File name too long"), "\(run.stderr)")
        #expect(try directory.entries().isEmpty)
    }

    /// A class set whose key's name is taken by a directory: no sheet is replaced.
    @Test func classSetWithTheKeyBlockedReplacesNoSheet() throws {
        let directory = try TemporaryDirectory()
        for sheet in 1...3 { try directory.write("OLD \(sheet)\n", to: "sheet-\(sheet).tex") }
        try FileManager.default.createDirectory(atPath: directory.path("key.tex"), withIntermediateDirectories: false)
        let run = deriveInProcess(["--exercise", "--students", "3", "--layers", "2", "--output", directory.url.path + "/"])
        #expect(run.code == .cannotCreate)
        #expect(run.errorLines == ["Error: cannot write '\(directory.path("key.tex"))': Is a directory"])
        for sheet in 1...3 { #expect(try Self.contents(directory.path("sheet-\(sheet).tex")) == "OLD \(sheet)\n") }
        #expect(try directory.entries() == ["key.tex", "sheet-1.tex", "sheet-2.tex", "sheet-3.tex"])
    }

    /// A move that fails after others succeeded (the last target became a directory while the set was written):
    /// the files moved are put back, the new ones removed, and no temporary file or backup is left.
    @Test func failedMovePutsBackEveryReplacedFile() throws {
        let directory = try TemporaryDirectory()
        let first = try directory.write("first, old\n", to: "a.txt")
        let second = directory.path("b.txt")
        let third = directory.path("c.txt")
        let files: [OutputFile.Content] = [
            (first, { $0.write("first, new\n") }),
            (second, { $0.write("second, new\n") }),
            (third, { stream in
                stream.write("third, new\n")
                try? FileManager.default.createDirectory(atPath: third, withIntermediateDirectories: false)
            }),
        ]
        #expect(throws: DeriveError.cannotWrite(.file(path: third, code: Platform.isDirectory))) {
            try OutputFile.write(files)
        }
        #expect(try Self.contents(first) == "first, old\n")
        #expect(try directory.entries() == ["a.txt", "c.txt"])
    }

    /// `--format dot` without `--expr` into a new directory: the usage error leaves no directory behind.
    @Test func failedRunRemovesTheDirectoryItWouldHaveCreated() throws {
        let directory = try TemporaryDirectory()
        let run = deriveInProcess(["--format", "dot", "--output", directory.path("new/deeper") + "/"])
        #expect(run.code == .usage)
        #expect(try directory.entries().isEmpty)
    }

    /// A set that fails after the directory was created removes the directories it created, innermost first.
    @Test func failedSetRemovesTheDirectoriesItCreated() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.path("new/deeper")
        let files: [OutputFile.Content] = [(folder + "/a.txt", { $0.write("a\n") }), (folder + "/b/c.txt", { $0.write("c\n") })]
        #expect(throws: DeriveError.self) { try OutputFile.write(files, creating: folder) }
        #expect(try directory.entries().isEmpty)
    }

    // MARK: - Replaced files

    /// An answer key with mode 0600 (and, as root, another owner) keeps both when it is replaced.
    @Test func replacedFileKeepsItsPermissionsAndOwner() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("OLD\n", to: "key.tex")
        let manager = FileManager.default
        try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let isRoot = getuid() == 0
        if isRoot { try manager.setAttributes([.ownerAccountID: 1234, .groupOwnerAccountID: 4321], ofItemAtPath: path) }
        let run = deriveInProcess(["--output", path])
        #expect(run.code == .success, "\(run.stderr)")
        #expect(try Self.contents(path).hasPrefix("\\documentclass"))
        let attributes = try manager.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        if isRoot {
            #expect((attributes[.ownerAccountID] as? Int) == 1234)
            #expect((attributes[.groupOwnerAccountID] as? Int) == 4321)
        }
    }

    /// A symbolic link to a regular file keeps pointing to it; the file it names is replaced.
    @Test func symbolicLinkToAFileReplacesTheFile() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("OLD\n", to: "real.txt")
        let link = directory.path("link.txt")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.txt")
        let run = deriveInProcess(["--format", "text", "--output", link])
        #expect(run.code == .success, "\(run.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.txt")
        #expect(try Self.contents(file) == deriveInProcess(["--format", "text"]).stdout)
        #expect(try directory.entries() == ["link.txt", "real.txt"])
    }

    // MARK: - Devices

    /// A symbolic link to `/dev/null` is written through: the link and the device stay, and Markdown draws no
    /// pictures beside a device, as on standard output.
    @Test func symbolicLinkToTheNullDeviceIsWrittenThrough() throws {
        let directory = try TemporaryDirectory()
        let link = directory.path("null")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/null")
        let run = deriveInProcess(["--format", "markdown", "--output", link])
        #expect(run.code == .success, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "/dev/null")
        #expect(try Self.type("/dev/null") == .typeCharacterSpecial)
        #expect(try directory.entries() == ["null"])
    }

    /// `/dev/full` cannot take the document: one line, exit 73, and the device stays.
    @Test func fullDeviceFails() throws {
        let run = deriveInProcess(["--output", "/dev/full"])
        #expect(run.code == .cannotCreate)
        #expect(run.errorLines == ["Error: cannot write '/dev/full': No space left on device"])
        #expect(try Self.type("/dev/full") == .typeCharacterSpecial)
    }

    /// A FIFO among the files of a set is refused: a set is replaced as a whole, a FIFO cannot be.
    @Test func fifoInASetIsRefused() throws {
        let directory = try TemporaryDirectory()
        let fifo = directory.path("out-network.svg")
        #expect(mkfifo(fifo, 0o644) == 0)
        let run = deriveInProcess(["--format", "markdown", "--output", directory.path("out.md")])
        #expect(run.code == .cannotCreate)
        #expect(run.errorLines.count == 1)
        #expect(run.stderr.contains("'\(fifo)': it is not a regular file"), "\(run.stderr)")
        #expect(try Self.type(fifo) != .typeRegular)
        #expect(try directory.entries() == ["out-network.svg"])
    }
}
