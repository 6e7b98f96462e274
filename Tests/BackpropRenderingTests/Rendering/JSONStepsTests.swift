import BackpropKit
import BackpropRendering
import Foundation
import TestSupport
import Testing

/// The steps shape of the JSON output, schema `derive.steps/1`: pinned by a golden file and read back
/// with Foundation's parser.
@Suite struct JSONStepsTests {
    /// The network of the golden file: biases, the half-squared loss and a learning rate, so every kind of
    /// section appears.
    static let network = SnapshotNetwork.biases

    static func steps(_ derivation: Derivation) -> String {
        var output = ""
        JSONRenderer(shape: .steps, notation: network.notation).render(derivation, to: &output)
        return output
    }

    static func parsed(_ json: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func matchesTheGoldenFile() throws {
        let path = SourceTree.path("Tests/BackpropRenderingTests/Snapshots/\(Self.network.rawValue)-steps.json")
        Snapshot.expect(Self.steps(try Self.network.derivation()), matches: path)
    }

    @Test func carriesTheSchemaAndTheNumbersOfTheDefaultShape() throws {
        let derivation = try Self.network.derivation()
        let steps = try Self.parsed(Self.steps(derivation))
        #expect(steps["schema"] as? String == "derive.steps/1")
        #expect(steps["schema"] as? String == JSONRenderer.stepsSchema)
        var numbersJSON = ""
        JSONRenderer().render(derivation, to: &numbersJSON)
        let numbers = try Self.parsed(numbersJSON)
        for key in ["loss", "gradInput", "layers"] {
            let fromSteps = try JSONSerialization.data(withJSONObject: try #require(steps[key]), options: [.sortedKeys, .fragmentsAllowed])
            let fromNumbers = try JSONSerialization.data(withJSONObject: try #require(numbers[key]), options: [.sortedKeys, .fragmentsAllowed])
            #expect(fromSteps == fromNumbers, "\(key)")
        }
    }

    @Test func everyStepReadsBackWithItsFormsAndValue() throws {
        let derivation = try Self.network.derivation()
        let parsed = try Self.parsed(Self.steps(derivation))
        let sections = try #require(parsed["sections"] as? [[String: Any]])
        let expected = Array(derivation.sections)
        try #require(sections.count == expected.count)
        let latex = MathPrinter(LaTeXMath(), notation: Self.network.notation)
        let text = MathPrinter(UnicodeMath(), notation: Self.network.notation)
        for (section, original) in zip(sections, expected) {
            #expect((section["layer"] as? Int) == original.kind.layer)
            let steps = try #require(section["steps"] as? [[String: Any]])
            try #require(steps.count == original.steps.count)
            for (step, originalStep) in zip(steps, original.steps) {
                // Foundation's parser may miss the last bit on Linux; the exact round trip is checked below.
                let parsedValue = try #require((step["value"] as? NSNumber)?.doubleValue)
                #expect(abs(parsedValue - originalStep.value) <= 4 * originalStep.value.ulp)
                #expect((step["optional"] as? Bool) == originalStep.isOptional)
                let forms: [(String, BackpropKit.Expression?)] = [("symbol", originalStep.symbol), ("general", originalStep.general),
                                                      ("concrete", originalStep.concrete), ("substituted", originalStep.substituted)]
                for (key, form) in forms {
                    guard let form else {
                        #expect(step[key] is NSNull, "\(key)")
                        continue
                    }
                    let printed = try #require(step[key] as? [String: String])
                    #expect(printed == ["latex": latex.string(form), "text": text.string(form)])
                }
            }
        }
    }

    @Test func valuesAreWrittenInTheirRoundTripForm() throws {
        let derivation = try Self.network.derivation()
        let json = Self.steps(derivation)
        let written = json.matches(of: #/"value": ([^,}]+)/#).map { String($0.output.1) }
        let values = derivation.sections.flatMap { $0.steps.map(\.value) }
        try #require(written.count == values.count)
        for (text, value) in zip(written, values) {
            #expect(Double(text) == value, "\(text) reads back as \(String(describing: Double(text))), not \(value)")
        }
    }

    @Test func sectionKindsAndLabelsFollowTheNotation() throws {
        let parsed = try Self.parsed(Self.steps(try Self.network.derivation()))
        let sections = try #require(parsed["sections"] as? [[String: Any]])
        #expect(sections.compactMap { $0["kind"] as? String } == [
            "given", "forwardPass", "forwardPass", "loss", "errorDerivatives",
            "calculate", "furtherCalculate", "weightDerivatives", "propagated",
            "calculate", "furtherCalculate", "weightDerivatives", "propagated",
            "update", "update", "updatedForwardPass", "updatedForwardPass", "updatedLoss",
        ])
        #expect(sections[1]["layerLabel"] as? String == "n-1")
        #expect(sections[0]["layerLabel"] is NSNull)
    }
}
