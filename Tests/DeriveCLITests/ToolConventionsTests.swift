@testable import DeriveCLI
import BackpropKit
import BackpropRendering
import Foundation
import TestSupport
import Testing

/// What users of a command-line tool expect besides its work: `--version`, completion scripts for their
/// shell and a manual page, all written from the one option table.
@Suite struct ToolConventionsTests {
    @Test func versionPrintsTheVersionAlone() {
        let run = deriveInProcess(["--version"])
        #expect(run.code == .success)
        #expect(run.stdout == DeriveVersion.current + "\n")
        #expect(run.stderr.isEmpty)
    }

    @Test func anUnknownShellIsAUsageError() {
        let run = deriveInProcess(["--generate-completion-script", "tcsh"])
        #expect(run.code == .usage)
        #expect(run.errorLines.first == "Error: The value 'tcsh' is invalid for '--generate-completion-script <shell>': expected one of bash, zsh, fish")
    }

    @Test(arguments: Shell.allCases)
    func completionScriptNamesEveryOption(_ shell: Shell) {
        let script = deriveInProcess(["--generate-completion-script", shell.rawValue]).stdout
        for option in Option.allCases {
            #expect(script.contains(shell == .fish ? "-l " + option.flag.dropFirst(2) + " " : option.flag), "\(option.flag) missing")
        }
    }

    @Test func bashCompletesEveryOptionAndTheValuesOfChoices() throws {
        guard let bash = ExternalTool.required("bash") else { return }
        let script = try temporaryScript(.bash)
        #expect(try bash.run(["-n", script]).status == 0)
        let options = try bash.run(["-c", "source '\(script)'; COMP_WORDS=(derive --); COMP_CWORD=1; _derive; printf '%s\\n' \"${COMPREPLY[@]}\""])
        #expect(Set(options.stdout.split(separator: "\n").map(String.init)) == Set(Option.allCases.map(\.flag)))
        let formats = try bash.run(["-c", "source '\(script)'; COMP_WORDS=(derive --format ''); COMP_CWORD=2; _derive; printf '%s\\n' \"${COMPREPLY[@]}\""])
        #expect(formats.stdout.split(separator: "\n").map(String.init) == OutputFormat.allCases.map(\.rawValue))
    }

    @Test func zshParsesTheScript() throws {
        guard let zsh = ExternalTool.required("zsh") else { return }
        let result = try zsh.run(["-n", try temporaryScript(.zsh)])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func fishCompletesEveryOption() throws {
        guard let fish = ExternalTool.required("fish") else { return }
        let script = try temporaryScript(.fish)
        #expect(try fish.run(["-n", script]).status == 0)
        let result = try fish.run(["--no-config", "-c", "source '\(script)'; complete -C 'derive --'"])
        let completed = Set(result.stdout.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") })
        #expect(completed == Set(Option.allCases.map(\.flag)), "\(result.stderr)")
    }

    @Test func manualPageIsCurrent() {
        Snapshot.expect(ManPage.text, matches: SourceTree.path("man/derive.1"))
    }

    @Test func manualPageRendersWithoutWarningsAndListsEveryOption() throws {
        guard let groff = ExternalTool.required("groff") else { return }
        let page = SourceTree.path("man/derive.1").path
        let result = try groff.run(["-man", "-Tutf8", "-ww", page])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "groff warned: \(result.stderr)")
        for option in Option.allCases { #expect(Self.plain(result.stdout).contains(option.flag), "\(option.flag) missing from the rendered page") }
    }

    /// Terminal output without its overstrikes (a character, a backspace, the character: bold; `_`, backspace:
    /// underline), and with groff's typographic hyphens and minus signs as ASCII hyphens.
    private static func plain(_ text: String) -> String {
        var plain = ""
        for character in text {
            if character == "\u{8}" {
                if !plain.isEmpty { plain.removeLast() }
            } else {
                plain.append(character == "\u{2010}" || character == "\u{2212}" ? "-" : character)
            }
        }
        return plain
    }

    /// The completion script for `shell`, written to a temporary file.
    private func temporaryScript(_ shell: Shell) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("derive-completion-\(UUID().uuidString).\(shell.rawValue)").path
        try deriveInProcess(["--generate-completion-script", shell.rawValue]).stdout.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

/// The README's list of options is `derive --help`'s, so the two cannot drift apart.
@Suite struct ReadmeOptionsTests {
    @Test func readmeListsTheOptionsAsHelpDoes() throws {
        let readme = try String(contentsOf: SourceTree.path("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "## Options\n\n```text\n"))
        let end = try #require(readme[start.upperBound...].range(of: "```"))
        let help = HelpText.full
        let options = try #require(help.range(of: "OPTIONS:\n")), examples = try #require(help.range(of: "\nEXAMPLES:"))
        let expected = help[options.upperBound..<examples.lowerBound].trimmingCharacters(in: .newlines) + "\n"
        #expect(String(readme[start.upperBound..<end.lowerBound]) == expected,
                "README.md's Options block differs from `derive --help`; paste the OPTIONS section of `swift run derive --help` into it")
    }
}
