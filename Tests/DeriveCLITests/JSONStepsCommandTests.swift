@testable import DeriveCLI
import Testing

/// `--json-steps`: the steps shape of the JSON output, and only with `--format json`.
@Suite struct JSONStepsCommandTests {
    @Test func addsTheStepsToTheJSON() {
        let numbers = deriveInProcess(["--format", "json"])
        let steps = deriveInProcess(["--format", "json", "--json-steps"])
        #expect(steps.code == .success)
        #expect(steps.stdout.hasPrefix("{\n  \"schema\": \"derive.steps/1\",\n"))
        #expect(steps.stdout.contains("\"sections\": ["))
        #expect(!numbers.stdout.contains("\"schema\""))
    }

    @Test(arguments: ["latex", "markdown", "text"])
    func needsTheJSONFormat(_ format: String) {
        let run = deriveInProcess(["--format", format, "--json-steps"])
        #expect(run.code == .usage)
        #expect(run.stdout.isEmpty)
        #expect(run.errorLines.first == "Error: '--json-steps' applies to the json format, not '\(format)'")
    }
}
