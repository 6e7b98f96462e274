import BackpropKit

/// The English every handout shares: where its values come from and how the matrix form refers back.
package enum HandoutProse {
    /// Where the values come from and the command that regenerates the handout, or `nil` when neither is known.
    static func provenance(of info: HandoutInfo) -> [Phrase]? {
        var phrases: [Phrase] = []
        if let provenance = info.provenance { phrases.append(.text(provenance)) }
        if let generator = info.generator { phrases.append(.text((phrases.isEmpty ? "" : " ") + "Written by " + generator + ".")) }
        if let command = info.command {
            phrases += [.text((phrases.isEmpty ? "" : " ") + "Regenerate the handout with "), .code(command), .text(".")]
        }
        return phrases.isEmpty ? nil : phrases
    }

    /// How the handout's numbers were computed, in two or three sentences: rounded to a number of digits, each
    /// step from the rounded values printed before it (and whether given values were rounded first), or
    /// exact binary floating point.
    static func numbers(_ rounding: Rounding, roundsGivenValues: Bool) -> String {
        guard let digits = rounding.significantDigits else {
            return "Values are binary floating point, as a computer stores them: each is printed as the shortest decimal that reads "
                + "back as the same double, and each step's value is the double arithmetic shown, so a line such as "
                + "0.1 + 0.2 = 0.30000000000000004 is exact double arithmetic, not a mistake."
        }
        var text = "Every value is rounded to \(digits) significant digits, half away from zero, and each step is computed from the "
            + "rounded values printed before it, as with a calculator: a hand calculation agrees digit for digit."
        if roundsGivenValues { text += " Given values with more than \(digits) significant digits are rounded to \(digits) first." }
        return text
    }

    /// The words before the equation that ties an entry of a matrix step to the scalar derivation: the same
    /// quantity, whose printed value may differ in its last digit, as the matrix form rounds each entry once.
    static let tieBack = "Entry by entry as in the scalar derivation, up to the last digit: "

    // MARK: - Titles and provenance of the command line's handouts

    /// The title of a graph handout when none is given: backpropagation in reverse mode, forward-mode
    /// differentiation in forward mode.
    package static func graphTitle(of derivation: GraphDerivation) -> String {
        if case .forward = derivation.accumulation { return "Forward-mode differentiation on a computational graph" }
        return "Backpropagation on a computational graph"
    }

    /// Where the values of a network drawn from `blueprint` come from: what was drawn, and the seed.
    package static func provenance(of blueprint: NetworkBlueprint) -> String {
        var drawn = ["the weights"]
        if blueprint.hasBiases { drawn.append("biases") }
        if blueprint.input == nil { drawn.append("the input") }
        if blueprint.target == nil { drawn.append("the target") }
        let list = drawn.count == 1 ? drawn[0] : drawn.dropLast().joined(separator: ", ") + " and " + (drawn.last ?? "")
        return "The values of \(list) are drawn with seed \(blueprint.seed) in steps of 0.01."
    }

    /// Where the values of a network read from the file at `path` come from.
    package static func provenance(ofFile path: String) -> String {
        "The values are read from '\(path)'."
    }

    /// The title block and key heading of sheet `number` (1-based) of a class set, drawn with `seed`.
    /// - Parameter title: The class set's title, or `nil` for the default.
    package static func sheet(_ number: Int, seed: UInt64, title: String?) -> (title: String, provenance: String, keyHeading: String) {
        ((title ?? exerciseTitle) + ", sheet \(number)", "The values of this sheet are drawn with seed \(seed) in steps of 0.01.",
         "Sheet \(number) (seed \(seed))")
    }

    /// The heading of the answers in the key of a single exercise sheet.
    package static let answersHeading = "Answers"

    /// The title of a class set's combined answer key.
    package static func answerKeyTitle(_ title: String?) -> String {
        (title ?? exerciseTitle) + ": answer key"
    }

    private static let exerciseTitle = "Backpropagation exercise"
}
