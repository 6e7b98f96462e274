@testable import DeriveCLI
import Foundation
import Testing

/// Exercise sheets, class sets, user templates, hand rounding, the gradient check and directory output,
/// through the command.
@Suite struct HandoutOptionsTests {
    @Test func exerciseSheetHasBlanksAndItsKey() {
        let run = deriveInProcess(["--exercise", "--format", "text"])
        #expect(run.code == .success)
        #expect(run.stdout.contains("Fill in the blanks"))
        #expect(run.stdout.contains("______________"))
        #expect(run.stdout.contains("ANSWER KEY"))
        #expect(run.stdout.contains("rounded to 4 significant digits"))
        #expect(!run.stdout.contains("GRADIENT SIZES"), "an exercise must not reveal the gradients")
    }

    @Test(arguments: ["symbolic", "numeric"])
    func blanksOfOneKind(_ kind: String) {
        let run = deriveInProcess(["--exercise", "--blanks", kind, "--format", "text"])
        #expect(run.code == .success)
        // A step wrapped over several lines continues with "= …" on the next: join them, so a blank ending a line is a blank value.
        let sheet = run.stdout.components(separatedBy: "ANSWER KEY")[0].replacingOccurrences(of: #"\n +(?==)"#, with: " ",
                                                                                              options: .regularExpression)
        let blankedValues = sheet.components(separatedBy: "= ______________\n").count - 1
        if kind == "symbolic" { #expect(blankedValues == 0, "symbolic blanks keep the values") } else { #expect(blankedValues > 5) }
    }

    @Test func classSetWritesOneSheetPerStudentAndAKey() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.url.appendingPathComponent("class").path + "/"
        let run = deriveInProcess(["--exercise", "--students", "12", "--output", folder, "--seed", "5", "--layers", "2"])
        #expect(run.code == .success, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files == ["key.tex"] + (1...12).map { String(format: "sheet-%02d.tex", $0) })
        let first = try String(contentsOfFile: folder + "sheet-01.tex", encoding: .utf8)
        let second = try String(contentsOfFile: folder + "sheet-02.tex", encoding: .utf8)
        #expect(first.contains("seed 5") && second.contains("seed 6"))
        #expect(first != second)
        let key = try String(contentsOfFile: folder + "key.tex", encoding: .utf8)
        #expect(key.contains("Sheet 1 (seed 5)") && key.contains("Sheet 12 (seed 16)"))
    }

    @Test func directoryOutputWritesTheHandoutInside() throws {
        let directory = try TemporaryDirectory()
        let run = deriveInProcess(["--output", directory.url.path, "--format", "markdown"])
        #expect(run.code == .success, "\(run.stderr)")
        let handout = try String(contentsOfFile: directory.url.appendingPathComponent("handout.md").path, encoding: .utf8)
        #expect(handout.hasPrefix("# "))
    }

    @Test func userTemplateFramesTheDerivation() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("mine.md").path
        try "MY HEADER {{title}}\n{{body}}\nMY FOOTER\n".write(toFile: path, atomically: true, encoding: .utf8)
        let run = deriveInProcess(["--template", path, "--format", "markdown", "--title", "T*"])
        #expect(run.code == .success)
        #expect(run.stdout.hasPrefix("MY HEADER T\\*\n"))
        #expect(run.stdout.hasSuffix("MY FOOTER\n"))
    }

    @Test func templateWithoutBodyIsRefused() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("mine.tex").path
        try "\\documentclass{article}{{title}}".write(toFile: path, atomically: true, encoding: .utf8)
        let run = deriveInProcess(["--template", path])
        #expect(run.code == .dataError)
        #expect(run.stdout.isEmpty)
        #expect(run.errorLines == ["Error: template '\(path)' has no {{body}} placeholder for the derivation"])
        #expect(deriveInProcess(["--template", path + ".missing"]).code == .noInput)
    }

    @Test(arguments: [
        (["--hand"], "'--hand' needs '--digits <d>'"),
        (["--blanks", "numeric"], "'--blanks' needs '--exercise'"),
        (["--students", "3"], "'--students' needs '--exercise'"),
        (["--exercise", "--students", "3"], "needs '--output <directory>'"),
        (["--exercise", "--format", "json"], "'--exercise' applies to the latex, markdown, html and text formats"),
        (["--template", "x.tex", "--format", "text"], "'--template' applies to the latex, markdown and html formats"),
        (["--check", "--widths", "200,200,1"], "'--check' covers at most 20000 weights and biases"),
        (["--exercise", "--students", "1001", "--output", "x/"], "expected at most 1000"),
    ])
    func misusedHandoutOptions(_ arguments: [String], _ message: String) {
        let run = deriveInProcess(arguments)
        #expect(run.code == .usage)
        #expect(run.stdout.isEmpty)
        #expect(run.errorLines.first?.contains(message) == true, "\(run.stderr)")
    }

    @Test func checkAndHandAppearInTheHandout() {
        let run = deriveInProcess(["--check", "--digits", "3", "--hand", "--format", "markdown"])
        #expect(run.code == .success)
        #expect(run.stdout.contains("## Gradient check"))
        #expect(run.stdout.contains("rounded to 3 significant digits"))
    }
}
